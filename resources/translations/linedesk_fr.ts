<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AdminAuditPage</name>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>any user</source>
        <translation>tous les utilisateurs</translation>
    </message>
    <message>
        <source>any object</source>
        <translation>tous les objets</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <source>Check the chain</source>
        <translation>Vérifier la chaîne</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <source>The audit trail is intact: no row was edited or removed.</source>
        <translation>Le journal d&apos;audit est intact : aucune ligne n&apos;a été modifiée ni supprimée.</translation>
    </message>
    <message>
        <source>The audit trail is broken at row {row}: {reason}</source>
        <translation>Le journal d&apos;audit est rompu à la ligne {row} : {reason}</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>Exporter le journal d&apos;audit</translation>
    </message>
</context>
<context>
    <name>AdminDevicesPage</name>
    <message>
        <source>Devices of this station</source>
        <translation>Périphériques de cette station</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Périphérique</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Last reading or scan</source>
        <translation>Dernière pesée ou lecture</translation>
    </message>
    <message>
        <source>No devices configured for this PC. Add [devices.scale] and [devices.scanner] sections to the workstation config file (see the README).</source>
        <translation>Aucun périphérique configuré sur ce PC. Ajoutez les sections [devices.scale] et [devices.scanner] au fichier de configuration du poste informatique (voir le README).</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Tester</translation>
    </message>
    <message>
        <source>Zero</source>
        <translation>Zéro</translation>
    </message>
    <message>
        <source>Tare</source>
        <translation>Tare</translation>
    </message>
    <message>
        <source>Clear tare</source>
        <translation>Annuler la tare</translation>
    </message>
    <message>
        <source>Simulated devices (demo)</source>
        <translation>Périphériques simulés (démo)</translation>
    </message>
    <message>
        <source>Put on the pan</source>
        <translation>Poser sur le plateau</translation>
    </message>
    <message>
        <source>Overload</source>
        <translation>Surcharge</translation>
    </message>
    <message>
        <source>code to scan, e.g. BADGE-900001</source>
        <translation>code à scanner, p. ex. BADGE-900001</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Poids</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Code-barres</translation>
    </message>
    <message>
        <source>{device}: {verb} done. {detail}</source>
        <translation>{device} : {verb} effectué. {detail}</translation>
    </message>
    <message>
        <source>{device}: {verb} failed: {reason}</source>
        <translation>{device} : échec de {verb} : {reason}</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Périphériques</translation>
    </message>
</context>
<context>
    <name>AdminPlantPage</name>
    <message>
        <source>Cells</source>
        <translation>Cellules</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>Modules</translation>
    </message>
    <message>
        <source>Packs</source>
        <translation>Packs</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Makes</source>
        <translation>Fabrique</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>Stations</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Station type</source>
        <translation>Type de station</translation>
    </message>
    <message>
        <source>In service</source>
        <translation>En service</translation>
    </message>
    <message>
        <source>New line</source>
        <translation>Nouvelle ligne</translation>
    </message>
    <message>
        <source>Edit line</source>
        <translation>Modifier la ligne</translation>
    </message>
    <message>
        <source>New station</source>
        <translation>Nouvelle station</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <source>Stations of the line</source>
        <translation>Stations de la ligne</translation>
    </message>
    <message>
        <source>Lines and stations</source>
        <translation>Lignes et stations</translation>
    </message>
    <message>
        <source>Delete station</source>
        <translation>Supprimer la station</translation>
    </message>
    <message>
        <source>Delete station {station}?</source>
        <translation>Supprimer la station {station} ?</translation>
    </message>
</context>
<context>
    <name>AdminRoutesPage</name>
    <message>
        <source>Route</source>
        <translation>Gamme</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Étapes</translation>
    </message>
    <message>
        <source>Station type</source>
        <translation>Type de station</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>Paramètre</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>+/-</source>
        <translation>+/-</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Modifié par</translation>
    </message>
    <message>
        <source>New route</source>
        <translation>Nouvelle gamme</translation>
    </message>
    <message>
        <source>New recipe</source>
        <translation>Nouvelle recette</translation>
    </message>
    <message>
        <source>Routes and recipes</source>
        <translation>Gammes et recettes</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>Gammes</translation>
    </message>
    <message>
        <source>Recipes: targets and tolerances</source>
        <translation>Recettes : cibles et tolérances</translation>
    </message>
</context>
<context>
    <name>AdminShiftsPage</name>
    <message>
        <source>Make this the plant&apos;s pattern</source>
        <translation>En faire le roulement de l&apos;usine</translation>
    </message>
    <message>
        <source>Save the times</source>
        <translation>Enregistrer les horaires</translation>
    </message>
    <message>
        <source>Shift ids day by day for one crew, &apos;-&apos; for a day off, separated by commas</source>
        <translation>Identifiants de poste jour par jour pour une équipe, &apos;-&apos; pour un jour de repos, séparés par des virgules</translation>
    </message>
    <message>
        <source>Save the rotation</source>
        <translation>Enregistrer le roulement</translation>
    </message>
    <message>
        <source>Shift pattern</source>
        <translation>Roulement de postes</translation>
    </message>
    <message>
        <source>Crew rotation</source>
        <translation>Rotation des équipes</translation>
    </message>
    <message>
        <source>Cycle of one crew</source>
        <translation>Cycle d&apos;une équipe</translation>
    </message>
    <message>
        <source>Crews in order</source>
        <translation>Équipes dans l&apos;ordre</translation>
    </message>
    <message>
        <source>Days between two crews</source>
        <translation>Jours entre deux équipes</translation>
    </message>
    <message>
        <source>First day of the cycle</source>
        <translation>Premier jour du cycle</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Plant closed</source>
        <translation>Usine fermée</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Add France&apos;s holidays of the year</source>
        <translation>Ajouter les jours fériés de France de l&apos;année</translation>
    </message>
    <message>
        <source>New holiday</source>
        <translation>Nouveau jour férié</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Public holidays</source>
        <translation>Jours fériés</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>Shifts, crews and holidays</source>
        <translation>Postes, équipes et jours fériés</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>en service</translation>
    </message>
    <message>
        <source>not in use</source>
        <translation>hors service</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Shift times</source>
        <translation>Horaires des postes</translation>
    </message>
    <message>
        <source>Save the times of pattern {pattern}?</source>
        <translation>Enregistrer les horaires du roulement {pattern} ?</translation>
    </message>
    <message>
        <source>Run the plant on pattern {pattern} from now on?</source>
        <translation>Faire tourner l&apos;usine sur le roulement {pattern} à partir de maintenant ?</translation>
    </message>
    <message>
        <source>Save the rotation of pattern {pattern}?</source>
        <translation>Enregistrer la rotation du roulement {pattern} ?</translation>
    </message>
    <message>
        <source>Add France&apos;s public holidays of {year}?</source>
        <translation>Ajouter les jours fériés de France de {year} ?</translation>
    </message>
    <message>
        <source>Delete the holiday of {day}?</source>
        <translation>Supprimer le jour férié du {day} ?</translation>
    </message>
    <message>
        <source>Shifts and holidays</source>
        <translation>Postes et jours fériés</translation>
    </message>
</context>
<context>
    <name>AdminUsersPage</name>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Badge</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>Verrouillé jusqu&apos;à</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>Nouvel utilisateur</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Unlock...</source>
        <translation>Déverrouiller...</translation>
    </message>
    <message>
        <source>Lift the lock after failed sign-in attempts before it runs out</source>
        <translation>Lever le verrouillage dû à des échecs de connexion avant son expiration</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Plan on this shift</source>
        <translation>Planifier sur ce poste</translation>
    </message>
    <message>
        <source>Scan or type the badge</source>
        <translation>Scannez ou saisissez le badge</translation>
    </message>
    <message>
        <source>No station (floating)</source>
        <translation>Aucune station (volant)</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Badge</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
</context>
<context>
    <name>BigScreen</name>
    <message>
        <source>Linedesk - line board</source>
        <translation>Linedesk - tableau de ligne</translation>
    </message>
    <message>
        <source>Esc to leave</source>
        <translation>Échap pour quitter</translation>
    </message>
</context>
<context>
    <name>ClockPanel</name>
    <message>
        <source>Scan a badge to clock in or out</source>
        <translation>Scannez un badge pour pointer à l&apos;entrée ou à la sortie</translation>
    </message>
    <message>
        <source>Scan a badge</source>
        <translation>Scannez un badge</translation>
    </message>
    <message>
        <source>Clock in and out</source>
        <translation>Pointage entrée et sortie</translation>
    </message>
    <message>
        <source>Last clockings</source>
        <translation>Derniers pointages</translation>
    </message>
    <message>
        <source>{name}: clocked in at {time}, {shift}</source>
        <translation>{name} : entrée pointée à {time}, {shift}</translation>
    </message>
    <message>
        <source>not planned on this shift</source>
        <translation>non planifié sur ce poste</translation>
    </message>
    <message>
        <source>{name}: clocked out at {time}, {shift}</source>
        <translation>{name} : sortie pointée à {time}, {shift}</translation>
    </message>
    <message>
        <source>{name}: already recorded ({shift})</source>
        <translation>{name} : déjà enregistré ({shift})</translation>
    </message>
</context>
<context>
    <name>CorrectDialog</name>
    <message>
        <source>Correct a clocking</source>
        <translation>Corriger un pointage</translation>
    </message>
    <message>
        <source>Was there</source>
        <translation>Était présent</translation>
    </message>
    <message>
        <source>Clocked out</source>
        <translation>Sortie pointée</translation>
    </message>
    <message>
        <source>Why the clocking is corrected</source>
        <translation>Pourquoi le pointage est corrigé</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Badge</translation>
    </message>
    <message>
        <source>Clock-in (plant time)</source>
        <translation>Entrée (heure de l&apos;usine)</translation>
    </message>
    <message>
        <source>Clock-out (plant time)</source>
        <translation>Sortie (heure de l&apos;usine)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <source>Something went wrong</source>
        <translation>Une erreur est survenue</translation>
    </message>
    <message>
        <source>Linedesk keeps running. The details are in the log file:
{file}</source>
        <translation>Linedesk continue de fonctionner. Les détails sont dans le fichier journal :
{file}</translation>
    </message>
</context>
<context>
    <name>Devices</name>
    <message>
        <source>Balance</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>{state}: {reason}</source>
        <translation>{state} : {reason}</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>connecté</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>reconnexion</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>en échec</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>fermé</translation>
    </message>
    <message>
        <source>{device}: {state}</source>
        <translation>{device} : {state}</translation>
    </message>
    <message>
        <source> (attempt {n})</source>
        <translation> (tentative {n})</translation>
    </message>
    <message>
        <source>Overload</source>
        <translation>Surcharge</translation>
    </message>
    <message>
        <source>Underload</source>
        <translation>Sous-charge</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source> (moving)</source>
        <translation> (instable)</translation>
    </message>
    <message>
        <source>zero</source>
        <translation>zéro</translation>
    </message>
    <message>
        <source>tare</source>
        <translation>tare</translation>
    </message>
    <message>
        <source>clear tare</source>
        <translation>annulation de tare</translation>
    </message>
    <message>
        <source>test</source>
        <translation>test</translation>
    </message>
    <message>
        <source>Refused: {reason}</source>
        <translation>Refusé : {reason}</translation>
    </message>
</context>
<context>
    <name>DowntimePanel</name>
    <message>
        <source>Still stopped</source>
        <translation>Toujours à l&apos;arrêt</translation>
    </message>
    <message>
        <source>What happened (optional)</source>
        <translation>Ce qui s&apos;est passé (facultatif)</translation>
    </message>
    <message>
        <source>Record stop</source>
        <translation>Enregistrer l&apos;arrêt</translation>
    </message>
    <message>
        <source>Give the selected stop this reason</source>
        <translation>Attribuer ce motif à l&apos;arrêt sélectionné</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Stops this shift</source>
        <translation>Arrêts de ce poste</translation>
    </message>
    <message>
        <source>Enter a stop</source>
        <translation>Saisir un arrêt</translation>
    </message>
    <message>
        <source>Whole line ({line})</source>
        <translation>Toute la ligne ({line})</translation>
    </message>
    <message>
        <source>Select a stop in the list first (an ongoing detected stop gets its reason by entering a stop)</source>
        <translation>Sélectionnez d&apos;abord un arrêt dans la liste (un arrêt détecté en cours reçoit son motif en saisissant un arrêt)</translation>
    </message>
</context>
<context>
    <name>EmployeesTab</name>
    <message>
        <source>Badge</source>
        <translation>Badge</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Emploi</translation>
    </message>
    <message>
        <source>Crew</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contrat</translation>
    </message>
    <message>
        <source>Hired</source>
        <translation>Embauché le</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Dernier jour</translation>
    </message>
    <message>
        <source>Search a name, badge, job or crew</source>
        <translation>Rechercher un nom, un badge, un emploi ou une équipe</translation>
    </message>
    <message>
        <source>Anonymise former employees</source>
        <translation>Anonymiser les anciens salariés</translation>
    </message>
    <message>
        <source>Personal data: this view is recorded in the audit trail.</source>
        <translation>Données personnelles : cette consultation est enregistrée dans le journal d&apos;audit.</translation>
    </message>
    <message>
        <source>{count} people</source>
        <translation>{count} personnes</translation>
    </message>
    <message>
        <source>Erase the names and badges of everyone who left more than the configured number of years ago? Headcount history stays exact. This cannot be undone.</source>
        <translation>Effacer les noms et badges de toutes les personnes parties depuis plus que le nombre d&apos;années configuré ? L&apos;historique des effectifs reste exact. Cette action est irréversible.</translation>
    </message>
    <message>
        <source>{count} former employees anonymised</source>
        <translation>{count} anciens salariés anonymisés</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>GenealogyPage</name>
    <message>
        <source>Lot or serial number (type or scan)</source>
        <translation>Numéro de lot ou de série (saisi ou scanné)</translation>
    </message>
    <message>
        <source>Backward: what it was made from</source>
        <translation>En amont : à partir de quoi il a été fabriqué</translation>
    </message>
    <message>
        <source>Forward: what was made from it</source>
        <translation>En aval : ce qui a été fabriqué à partir de lui</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>Tracer</translation>
    </message>
    <message>
        <source>Recall report</source>
        <translation>Rapport de rappel</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Élément</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>Matière</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Put on hold</source>
        <translation>Bloquer</translation>
    </message>
    <message>
        <source>Release the hold</source>
        <translation>Débloquer</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Last station</source>
        <translation>Dernière station</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <source>Export XLSX</source>
        <translation>Exporter en XLSX</translation>
    </message>
    <message>
        <source>Genealogy</source>
        <translation>Traçabilité</translation>
    </message>
    <message>
        <source>Import from ERP...</source>
        <translation>Importer depuis l&apos;ERP...</translation>
    </message>
    <message>
        <source>Material or part</source>
        <translation>Matière ou pièce</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Restant</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Fabriqué</translation>
    </message>
    <message>
        <source>Made at</source>
        <translation>Fabriqué à</translation>
    </message>
    <message>
        <source>Made by</source>
        <translation>Fabriqué par</translation>
    </message>
    <message>
        <source>Recall report: trace a suspect lot forward</source>
        <translation>Rapport de rappel : tracer un lot suspect en aval</translation>
    </message>
    <message>
        <source>Made from {id}: {cells} cells, {modules} modules, {packs} packs</source>
        <translation>Fabriqué à partir de {id} : {cells} cellules, {modules} modules, {packs} packs</translation>
    </message>
    <message>
        <source>Export the recall report</source>
        <translation>Exporter le rapport de rappel</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>HandoverPanel</name>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Open issues</source>
        <translation>Points ouverts</translation>
    </message>
    <message>
        <source>Safety incidents</source>
        <translation>Incidents de sécurité</translation>
    </message>
    <message>
        <source>Quality alerts</source>
        <translation>Alertes qualité</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Enregistrer le brouillon</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>Passer la main</translation>
    </message>
    <message>
        <source>Remark of the incoming supervisor (optional)</source>
        <translation>Remarque du chef d&apos;équipe entrant (facultatif)</translation>
    </message>
    <message>
        <source>Acknowledge with signature...</source>
        <translation>Prendre connaissance avec signature...</translation>
    </message>
    <message>
        <source>Automatic summary</source>
        <translation>Synthèse automatique</translation>
    </message>
    <message>
        <source>Choose a line to read or write its handover</source>
        <translation>Choisissez une ligne pour lire ou rédiger sa passation</translation>
    </message>
    <message>
        <source>not written yet</source>
        <translation>pas encore rédigée</translation>
    </message>
    <message>
        <source>Handover {line}: {status}</source>
        <translation>Passation {line} : {status}</translation>
    </message>
    <message>
        <source>by {who}</source>
        <translation>par {who}</translation>
    </message>
    <message>
        <source>acknowledged by {who}</source>
        <translation>lue et signée par {who}</translation>
    </message>
    <message>
        <source>Output {units} of {plan} planned{share}; NG {ng}</source>
        <translation>Production {units} sur {plan} planifiés{share} ; NOK {ng}</translation>
    </message>
    <message>
        <source>Downtime {minutes} min</source>
        <translation>Arrêts {minutes} min</translation>
    </message>
    <message>
        <source>Holds placed: {count}</source>
        <translation>Blocages posés : {count}</translation>
    </message>
    <message>
        <source>{present} present of {planned} planned; absent: {absent}</source>
        <translation>{present} présents sur {planned} planifiés ; absents : {absent}</translation>
    </message>
    <message>
        <source>Without a qualified operator: {stations}</source>
        <translation>Sans opérateur habilité : {stations}</translation>
    </message>
    <message>
        <source>Shift in progress: figures up to now</source>
        <translation>Poste en cours : chiffres à cette heure</translation>
    </message>
    <message>
        <source>Acknowledge the handover</source>
        <translation>Prendre connaissance de la passation</translation>
    </message>
    <message>
        <source>I read the handover of {line}, {day} {shift}, written by {who}.</source>
        <translation>J&apos;ai lu la passation de {line}, {day} {shift}, rédigée par {who}.</translation>
    </message>
</context>
<context>
    <name>HeadcountChart</name>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation>Effectif</translation>
    </message>
    <message>
        <source>Hiring plan</source>
        <translation>Plan de recrutement</translation>
    </message>
    <message>
        <source>Forecast at current rates</source>
        <translation>Prévision au rythme actuel</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>Target {target}</source>
        <translation>Objectif {target}</translation>
    </message>
</context>
<context>
    <name>HeadcountTab</name>
    <message>
        <source>people today</source>
        <translation>personnes aujourd&apos;hui</translation>
    </message>
    <message>
        <source>staffing target</source>
        <translation>objectif d&apos;effectif</translation>
    </message>
    <message>
        <source>still to hire</source>
        <translation>restant à recruter</translation>
    </message>
    <message>
        <source>target reached at the current hiring and attrition</source>
        <translation>objectif atteint au rythme actuel d&apos;embauches et de départs</translation>
    </message>
    <message>
        <source>open positions (requisitions)</source>
        <translation>postes ouverts (demandes de recrutement)</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>Exporter vers Excel</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Part</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contrat</translation>
    </message>
    <message>
        <source>Crew</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>GWh a year</source>
        <translation>GWh par an</translation>
    </message>
    <message>
        <source>Staff needed</source>
        <translation>Effectif nécessaire</translation>
    </message>
    <message>
        <source>Requisition</source>
        <translation>Demande de recrutement</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Emploi</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>Postes</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Ouverte le</translation>
    </message>
    <message>
        <source>Wanted by</source>
        <translation>Souhaitée pour le</translation>
    </message>
    <message>
        <source>Figures on</source>
        <translation>Chiffres au</translation>
    </message>
    <message>
        <source>By department</source>
        <translation>Par service</translation>
    </message>
    <message>
        <source>By contract</source>
        <translation>Par contrat</translation>
    </message>
    <message>
        <source>By crew</source>
        <translation>Par équipe</translation>
    </message>
    <message>
        <source>Capacity-linked plan</source>
        <translation>Plan lié à la capacité</translation>
    </message>
    <message>
        <source>not at these rates</source>
        <translation>pas à ce rythme</translation>
    </message>
    <message>
        <source>Last 90 days: {hires:.1f} hires and {leavers:.1f} leavers a month. Last 12 months: {hired} hired, {left} left, attrition {attrition}.</source>
        <translation>90 derniers jours : {hires:.1f} embauches et {leavers:.1f} départs par mois. 12 derniers mois : {hired} embauchés, {left} départs, turnover {attrition}.</translation>
    </message>
    <message>
        <source>{ratio:g} people per GWh a year (today {capacity:g} GWh)</source>
        <translation>{ratio:g} personnes par GWh annuel (aujourd&apos;hui {capacity:g} GWh)</translation>
    </message>
    <message>
        <source>{count} people on {day}</source>
        <translation>{count} personnes au {day}</translation>
    </message>
    <message>
        <source>no crew</source>
        <translation>sans équipe</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Written: {path}</source>
        <translation>Écrit : {path}</translation>
    </message>
</context>
<context>
    <name>HoldDialog</name>
    <message>
        <source>Release the hold on {id}</source>
        <translation>Débloquer {id}</translation>
    </message>
    <message>
        <source>Put {id} on hold</source>
        <translation>Bloquer {id}</translation>
    </message>
    <message>
        <source>Why (required)</source>
        <translation>Pourquoi (obligatoire)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Releasing needs the QA role and your signature.</source>
        <translation>Le déblocage nécessite le rôle Qualité et votre signature.</translation>
    </message>
    <message>
        <source>The item and everything made from it are blocked at every station.</source>
        <translation>L&apos;élément et tout ce qui en est fabriqué sont bloqués à toutes les stations.</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Débloquer</translation>
    </message>
    <message>
        <source>Put on hold</source>
        <translation>Bloquer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>HolidayDialog</name>
    <message>
        <source>Public holiday</source>
        <translation>Jour férié</translation>
    </message>
    <message>
        <source>Plant closed (no shift that day)</source>
        <translation>Usine fermée (aucun poste ce jour-là)</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import genealogy</source>
        <translation>Importer la traçabilité</translation>
    </message>
    <message>
        <source>Lots file</source>
        <translation>Fichier des lots</translation>
    </message>
    <message>
        <source>Links file</source>
        <translation>Fichier des liens</translation>
    </message>
    <message>
        <source>Choose...</source>
        <translation>Choisir...</translation>
    </message>
    <message>
        <source>Lots: id,kind,material,quantity,unit,created_at. Links: parent_id,child_id,quantity,unit,linked_at,station. Separator , or ; - all or nothing; importing the same files again changes nothing.</source>
        <translation>Lots : id,kind,material,quantity,unit,created_at. Liens : parent_id,child_id,quantity,unit,linked_at,station. Séparateur , ou ; - tout ou rien ; réimporter les mêmes fichiers ne change rien.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>Annuler l&apos;import</translation>
    </message>
    <message>
        <source>Choose a CSV file</source>
        <translation>Choisissez un fichier CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Lots: {lots_added} added, {lots_unchanged} unchanged. Links: {links_added} added, {links_unchanged} unchanged.</source>
        <translation>Lots : {lots_added} ajoutés, {lots_unchanged} inchangés. Liens : {links_added} ajoutés, {links_unchanged} inchangés.</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was stored.</source>
        <translation>Import annulé : rien n&apos;a été enregistré.</translation>
    </message>
</context>
<context>
    <name>LineCharts</name>
    <message>
        <source>Save chart as PNG...</source>
        <translation>Enregistrer le graphique en PNG...</translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation>Enregistrer le graphique en PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <source>bottleneck</source>
        <translation>goulot</translation>
    </message>
    <message>
        <source>Shift output against plan</source>
        <translation>Production du poste par rapport au plan</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Production</translation>
    </message>
    <message>
        <source>OEE and FPY per station (%)</source>
        <translation>TRS et FPY par station (%)</translation>
    </message>
    <message>
        <source>OEE</source>
        <translation>TRS</translation>
    </message>
    <message>
        <source>FPY</source>
        <translation>FPY</translation>
    </message>
</context>
<context>
    <name>LineDashboard</name>
    <message>
        <source>morning</source>
        <translation>poste du matin</translation>
    </message>
    <message>
        <source>afternoon</source>
        <translation>poste d&apos;après-midi</translation>
    </message>
    <message>
        <source>night</source>
        <translation>poste de nuit</translation>
    </message>
    <message>
        <source>day</source>
        <translation>poste de journée</translation>
    </message>
    <message>
        <source>Output / plan so far</source>
        <translation>Production / plan à cette heure</translation>
    </message>
    <message>
        <source>OEE</source>
        <translation>TRS</translation>
    </message>
    <message>
        <source>First-pass yield</source>
        <translation>Taux de premier passage</translation>
    </message>
    <message>
        <source>Takt time</source>
        <translation>Cadence</translation>
    </message>
    <message>
        <source>Bottleneck</source>
        <translation>Goulot</translation>
    </message>
    <message>
        <source>{line} - {shift} shift {day}, {start}-{end}</source>
        <translation>{line} - {shift} du {day}, {start}-{end}</translation>
    </message>
    <message>
        <source>● LIVE</source>
        <translation>● EN DIRECT</translation>
    </message>
    <message>
        <source>shift over</source>
        <translation>poste terminé</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
</context>
<context>
    <name>LineDialog</name>
    <message>
        <source>New line</source>
        <translation>Nouvelle ligne</translation>
    </message>
    <message>
        <source>Edit line</source>
        <translation>Modifier la ligne</translation>
    </message>
    <message>
        <source>In service</source>
        <translation>En service</translation>
    </message>
    <message>
        <source>Line id</source>
        <translation>Identifiant de ligne</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Makes</source>
        <translation>Fabrique</translation>
    </message>
</context>
<context>
    <name>LinePage</name>
    <message>
        <source>Current shift</source>
        <translation>Poste en cours</translation>
    </message>
    <message>
        <source>Big screen</source>
        <translation>Grand écran</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>Exporter le tableau</translation>
    </message>
    <message>
        <source>CSV...</source>
        <translation>CSV...</translation>
    </message>
    <message>
        <source>Excel (XLSX)...</source>
        <translation>Excel (XLSX)...</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>No line yet: add lines and stations in Admin</source>
        <translation>Aucune ligne pour l&apos;instant : ajoutez des lignes et des stations dans Administration</translation>
    </message>
    <message>
        <source>Export the table</source>
        <translation>Exporter le tableau</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unités</translation>
    </message>
    <message>
        <source>NG</source>
        <translation>NOK</translation>
    </message>
    <message>
        <source>FPY %</source>
        <translation>FPY %</translation>
    </message>
    <message>
        <source>Availability %</source>
        <translation>Disponibilité %</translation>
    </message>
    <message>
        <source>Performance %</source>
        <translation>Performance %</translation>
    </message>
    <message>
        <source>Quality %</source>
        <translation>Qualité %</translation>
    </message>
    <message>
        <source>OEE %</source>
        <translation>TRS %</translation>
    </message>
    <message>
        <source>Downtime min</source>
        <translation>Arrêts min</translation>
    </message>
    <message>
        <source>Planned stops min</source>
        <translation>Arrêts planifiés min</translation>
    </message>
    <message>
        <source>Units/h</source>
        <translation>Unités/h</translation>
    </message>
    <message>
        <source>Target/h</source>
        <translation>Objectif/h</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>ongoing</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planifié</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origine</translation>
    </message>
    <message>
        <source>detected</source>
        <translation>détecté</translation>
    </message>
    <message>
        <source>entered</source>
        <translation>saisi</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Linedesk</source>
        <translation>Linedesk</translation>
    </message>
    <message>
        <source>Linedesk - demo plant</source>
        <translation>Linedesk - usine de démonstration</translation>
    </message>
    <message>
        <source>office PC</source>
        <translation>PC de bureau</translation>
    </message>
    <message>
        <source>No devices configured</source>
        <translation>Aucun périphérique configuré</translation>
    </message>
    <message>
        <source>nobody signed in</source>
        <translation>personne n&apos;est connecté</translation>
    </message>
    <message>
        <source>Locked after idle time: sign in to go on</source>
        <translation>Verrouillé après inactivité : connectez-vous pour continuer</translation>
    </message>
    <message>
        <source>Devices starting...</source>
        <translation>Démarrage des périphériques...</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>Station: {station}</source>
        <translation>Station : {station}</translation>
    </message>
    <message>
        <source>User: {user}</source>
        <translation>Utilisateur : {user}</translation>
    </message>
    <message>
        <source>Database: {database}</source>
        <translation>Base de données : {database}</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <source>Genealogy</source>
        <translation>Traçabilité</translation>
    </message>
    <message>
        <source>Shifts</source>
        <translation>Postes</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Device error: {detail}</source>
        <translation>Erreur de périphérique : {detail}</translation>
    </message>
    <message>
        <source>Unknown device command {verb}</source>
        <translation>Commande de périphérique inconnue {verb}</translation>
    </message>
    <message>
        <source>--speed must be a number above 0 (times real time) or max, not {text}</source>
        <translation>--speed doit être un nombre supérieur à 0 (multiple du temps réel) ou max, et non {text}</translation>
    </message>
    <message>
        <source>--minutes must be between 0 and 44640, not {minutes}</source>
        <translation>--minutes doit être compris entre 0 et 44640, et non {minutes}</translation>
    </message>
    <message>
        <source>The two entries differ</source>
        <translation>Les deux saisies diffèrent</translation>
    </message>
    <message>
        <source>a list of texts</source>
        <translation>une liste de textes</translation>
    </message>
    <message>
        <source>a text</source>
        <translation>un texte</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>un nombre entier</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true ou false</translation>
    </message>
    <message>
        <source>{file}: {key}: {problem}</source>
        <translation>{file} : {key} : {problem}</translation>
    </message>
    <message>
        <source>expected {expected}, got {value!r}</source>
        <translation>attendu : {expected}, reçu : {value!r}</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not allowed; allowed: {allowed}</source>
        <translation>&apos;{value}&apos; n&apos;est pas autorisé ; valeurs autorisées : {allowed}</translation>
    </message>
    <message>
        <source>{value!r} is out of range; allowed: {expected}</source>
        <translation>{value!r} est hors limites ; valeurs autorisées : {expected}</translation>
    </message>
    <message>
        <source>expected a table such as [devices.scale]</source>
        <translation>une table est attendue, par exemple [devices.scale]</translation>
    </message>
    <message>
        <source>unknown device; allowed: {allowed}</source>
        <translation>périphérique inconnu ; valeurs autorisées : {allowed}</translation>
    </message>
    <message>
        <source>expected a table</source>
        <translation>une table est attendue</translation>
    </message>
    <message>
        <source>{message}</source>
        <translation>{message}</translation>
    </message>
    <message>
        <source>Config file not found: {file}</source>
        <translation>Fichier de configuration introuvable : {file}</translation>
    </message>
    <message>
        <source>Cannot read the config file {file}: {reason}</source>
        <translation>Impossible de lire le fichier de configuration {file} : {reason}</translation>
    </message>
    <message>
        <source>{file} is not valid TOML: {reason}</source>
        <translation>{file} n&apos;est pas un fichier TOML valide : {reason}</translation>
    </message>
    <message>
        <source>unknown section; allowed: {allowed}</source>
        <translation>section inconnue ; valeurs autorisées : {allowed}</translation>
    </message>
    <message>
        <source>expected a table [{section}]</source>
        <translation>une table [{section}] est attendue</translation>
    </message>
    <message>
        <source>unknown key; allowed in [{section}]: {allowed}</source>
        <translation>clé inconnue ; clés autorisées dans [{section}] : {allowed}</translation>
    </message>
    <message>
        <source>Nobody is signed in</source>
        <translation>Personne n&apos;est connecté</translation>
    </message>
    <message>
        <source>raw material lot</source>
        <translation>lot de matière première</translation>
    </message>
    <message>
        <source>intermediate lot</source>
        <translation>lot intermédiaire</translation>
    </message>
    <message>
        <source>cell</source>
        <translation>cellule</translation>
    </message>
    <message>
        <source>module</source>
        <translation>module</translation>
    </message>
    <message>
        <source>pack</source>
        <translation>pack</translation>
    </message>
    <message>
        <source>available</source>
        <translation>disponible</translation>
    </message>
    <message>
        <source>on hold</source>
        <translation>bloqué</translation>
    </message>
    <message>
        <source>consumed</source>
        <translation>consommé</translation>
    </message>
    <message>
        <source>scrapped</source>
        <translation>mis au rebut</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>expédié</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a lot or serial number: use 1 to 64 letters, digits or _ . / : -</source>
        <translation>&apos;{value}&apos; n&apos;est pas un numéro de lot ou de série : utilisez 1 à 64 lettres, chiffres ou _ . / : -</translation>
    </message>
    <message>
        <source>Unknown unit &apos;{unit}&apos;; known: {known}</source>
        <translation>Unité inconnue &apos;{unit}&apos; ; unités connues : {known}</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Production</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualité</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Maintenance</translation>
    </message>
    <message>
        <source>Logistics</source>
        <translation>Logistique</translation>
    </message>
    <message>
        <source>Engineering</source>
        <translation>Ingénierie</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>CDI (permanent)</source>
        <translation>CDI</translation>
    </message>
    <message>
        <source>CDD (fixed term)</source>
        <translation>CDD</translation>
    </message>
    <message>
        <source>Interim (agency)</source>
        <translation>Intérim</translation>
    </message>
    <message>
        <source>Apprentice</source>
        <translation>Alternance</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>En formation</translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation>Habilité</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>Formateur</translation>
    </message>
    <message>
        <source>{file}: line {line}: {reason} ({count} bad lines; nothing imported)</source>
        <translation>{file} : ligne {line} : {reason} ({count} lignes en erreur ; rien n&apos;a été importé)</translation>
    </message>
    <message>
        <source>line {line}: the file is not UTF-8 text (save it as CSV UTF-8)</source>
        <translation>ligne {line} : le fichier n&apos;est pas du texte UTF-8 (enregistrez-le en CSV UTF-8)</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a date (YYYY-MM-DD or DD/MM/YYYY)</source>
        <translation>&apos;{text}&apos; n&apos;est pas une date (AAAA-MM-JJ ou JJ/MM/AAAA)</translation>
    </message>
    <message>
        <source>{what} &apos;{value}&apos; is unknown; known: {known}</source>
        <translation>{what} &apos;{value}&apos; est inconnu ; valeurs connues : {known}</translation>
    </message>
    <message>
        <source>badge &apos;{value}&apos; is not valid: 1 to 32 characters without spaces</source>
        <translation>le badge &apos;{value}&apos; n&apos;est pas valide : 1 à 32 caractères sans espace</translation>
    </message>
    <message>
        <source>a name must have 1 to 200 characters</source>
        <translation>un nom doit avoir de 1 à 200 caractères</translation>
    </message>
    <message>
        <source>a job title must have at most 100 characters</source>
        <translation>un intitulé de poste doit avoir au plus 100 caractères</translation>
    </message>
    <message>
        <source>hire_date: {reason}</source>
        <translation>hire_date : {reason}</translation>
    </message>
    <message>
        <source>end_date: {reason}</source>
        <translation>end_date : {reason}</translation>
    </message>
    <message>
        <source>end_date {end} is before hire_date {hire}</source>
        <translation>end_date {end} est antérieure à hire_date {hire}</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>le fichier est vide</translation>
    </message>
    <message>
        <source>the header must name the columns {columns} (missing: {missing}; unknown: {unknown}; twice: {twice})</source>
        <translation>l&apos;en-tête doit nommer les colonnes {columns} (manquantes : {missing} ; inconnues : {unknown} ; en double : {twice})</translation>
    </message>
    <message>
        <source>unreadable CSV: {reason}</source>
        <translation>CSV illisible : {reason}</translation>
    </message>
    <message>
        <source>{found} cells where the header has {expected}</source>
        <translation>{found} cellules alors que l&apos;en-tête en a {expected}</translation>
    </message>
    <message>
        <source>badge {badge} is already on line {first}</source>
        <translation>le badge {badge} figure déjà à la ligne {first}</translation>
    </message>
    <message>
        <source>Mixing</source>
        <translation>Mélange</translation>
    </message>
    <message>
        <source>Coating and drying</source>
        <translation>Enduction et séchage</translation>
    </message>
    <message>
        <source>Calendering</source>
        <translation>Calandrage</translation>
    </message>
    <message>
        <source>Slitting</source>
        <translation>Refendage</translation>
    </message>
    <message>
        <source>Stacking and tab welding</source>
        <translation>Empilage et soudure des languettes</translation>
    </message>
    <message>
        <source>Electrolyte filling</source>
        <translation>Remplissage d&apos;électrolyte</translation>
    </message>
    <message>
        <source>Formation and aging</source>
        <translation>Formation et vieillissement</translation>
    </message>
    <message>
        <source>Grading</source>
        <translation>Tri (grading)</translation>
    </message>
    <message>
        <source>Module assembly</source>
        <translation>Assemblage des modules</translation>
    </message>
    <message>
        <source>Pack assembly</source>
        <translation>Assemblage des packs</translation>
    </message>
    <message>
        <source>Line id &apos;{value}&apos; is not valid: use 1 to 32 letters, digits, &apos;-&apos; or &apos;_&apos;</source>
        <translation>Identifiant de ligne &apos;{value}&apos; invalide : utilisez 1 à 32 lettres, chiffres, &apos;-&apos; ou &apos;_&apos;</translation>
    </message>
    <message>
        <source>Station id &apos;{value}&apos; is not valid: use 1 to 32 letters, digits, &apos;-&apos; or &apos;_&apos;</source>
        <translation>Identifiant de station &apos;{value}&apos; invalide : utilisez 1 à 32 lettres, chiffres, &apos;-&apos; ou &apos;_&apos;</translation>
    </message>
    <message>
        <source>A line name must have 1 to 100 characters</source>
        <translation>Un nom de ligne doit avoir de 1 à 100 caractères</translation>
    </message>
    <message>
        <source>A station name must have 1 to 100 characters</source>
        <translation>Un nom de station doit avoir de 1 à 100 caractères</translation>
    </message>
    <message>
        <source>Unknown station type &apos;{code}&apos;; known: {known}</source>
        <translation>Type de station inconnu &apos;{code}&apos; ; types connus : {known}</translation>
    </message>
    <message>
        <source>Unknown time zone: {zone}</source>
        <translation>Fuseau horaire inconnu : {zone}</translation>
    </message>
    <message>
        <source>{moment} does not exist in plant time (clocks moved forward)</source>
        <translation>{moment} n&apos;existe pas en heure de l&apos;usine (passage à l&apos;heure d&apos;été)</translation>
    </message>
    <message>
        <source>Not a date-time: {text} (expected YYYY-MM-DD or YYYY-MM-DD HH:MM)</source>
        <translation>Date et heure invalides : {text} (attendu AAAA-MM-JJ ou AAAA-MM-JJ HH:MM)</translation>
    </message>
    <message>
        <source>Not a valid date: {text} (expected YYYY-MM-DD)</source>
        <translation>Date invalide : {text} (attendu AAAA-MM-JJ)</translation>
    </message>
    <message>
        <source>Breakdown</source>
        <translation>Panne</translation>
    </message>
    <message>
        <source>Material shortage</source>
        <translation>Manque matière</translation>
    </message>
    <message>
        <source>Quality problem</source>
        <translation>Problème qualité</translation>
    </message>
    <message>
        <source>No operator</source>
        <translation>Pas d&apos;opérateur</translation>
    </message>
    <message>
        <source>Starved or blocked</source>
        <translation>Attente amont ou saturation aval</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Break (planned)</source>
        <translation>Pause (planifiée)</translation>
    </message>
    <message>
        <source>Changeover (planned)</source>
        <translation>Changement de série (planifié)</translation>
    </message>
    <message>
        <source>Planned maintenance (planned)</source>
        <translation>Maintenance préventive (planifiée)</translation>
    </message>
    <message>
        <source>Not explained yet</source>
        <translation>Pas encore expliqué</translation>
    </message>
    <message>
        <source>Unknown downtime reason &apos;{reason}&apos;; known: {known}</source>
        <translation>Motif d&apos;arrêt inconnu &apos;{reason}&apos; ; motifs connus : {known}</translation>
    </message>
    <message>
        <source>An ideal cycle time must be between 0.01 s and 24 h, not {value}</source>
        <translation>Un temps de cycle idéal doit être compris entre 0,01 s et 24 h, et non {value}</translation>
    </message>
    <message>
        <source>A target must be above 0 units per hour, not {value}</source>
        <translation>Un objectif doit être supérieur à 0 unité par heure, et non {value}</translation>
    </message>
    <message>
        <source>The stop multiple must be between 1 and 10000 cycles, not {value}</source>
        <translation>Le multiple d&apos;arrêt doit être compris entre 1 et 10000 cycles, et non {value}</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Chef d&apos;équipe</translation>
    </message>
    <message>
        <source>Human resources</source>
        <translation>Ressources humaines</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>morning</source>
        <translation>matin</translation>
    </message>
    <message>
        <source>afternoon</source>
        <translation>après-midi</translation>
    </message>
    <message>
        <source>night</source>
        <translation>nuit</translation>
    </message>
    <message>
        <source>day</source>
        <translation>journée</translation>
    </message>
    <message>
        <source>A shift pattern needs at least one shift</source>
        <translation>Un roulement de postes doit compter au moins un poste</translation>
    </message>
    <message>
        <source>Shift id &apos;{code}&apos;: 1 to 16 letters or digits, no spaces</source>
        <translation>Identifiant de poste &apos;{code}&apos; : 1 à 16 lettres ou chiffres, sans espace</translation>
    </message>
    <message>
        <source>Shift {code} twice</source>
        <translation>Poste {code} en double</translation>
    </message>
    <message>
        <source>Shift {code}: start and end must differ, in whole minutes</source>
        <translation>Poste {code} : le début et la fin doivent différer, en minutes entières</translation>
    </message>
    <message>
        <source>Shifts {first} and {second} overlap</source>
        <translation>Les postes {first} et {second} se chevauchent</translation>
    </message>
    <message>
        <source>{crews} crews cannot cover {shifts} shifts a day in rotation</source>
        <translation>{crews} équipes ne peuvent pas couvrir {shifts} postes par jour en roulement</translation>
    </message>
    <message>
        <source>Unknown shift in the rotation: {code}; known: {known}</source>
        <translation>Poste inconnu dans le roulement : {code} ; postes connus : {known}</translation>
    </message>
    <message>
        <source>A rotation cycle has 1 to 366 days</source>
        <translation>Un cycle de roulement compte de 1 à 366 jours</translation>
    </message>
    <message>
        <source>A rotation needs at least one crew</source>
        <translation>Un roulement nécessite au moins une équipe</translation>
    </message>
    <message>
        <source>A crew appears twice in the rotation</source>
        <translation>Une équipe apparaît deux fois dans le roulement</translation>
    </message>
    <message>
        <source>Crews start 0 to 366 days apart</source>
        <translation>Les équipes démarrent à 0 à 366 jours d&apos;écart</translation>
    </message>
    <message>
        <source>Rotation day {day}: shift {shift} has {count} crews instead of one</source>
        <translation>Jour {day} du roulement : le poste {shift} a {count} équipes au lieu d&apos;une</translation>
    </message>
    <message>
        <source>New Year&apos;s Day</source>
        <translation>Jour de l&apos;an</translation>
    </message>
    <message>
        <source>Easter Monday</source>
        <translation>Lundi de Pâques</translation>
    </message>
    <message>
        <source>Labour Day</source>
        <translation>Fête du Travail</translation>
    </message>
    <message>
        <source>Victory in Europe Day</source>
        <translation>Victoire 1945</translation>
    </message>
    <message>
        <source>Ascension Day</source>
        <translation>Ascension</translation>
    </message>
    <message>
        <source>Whit Monday</source>
        <translation>Lundi de Pentecôte</translation>
    </message>
    <message>
        <source>Bastille Day</source>
        <translation>Fête nationale</translation>
    </message>
    <message>
        <source>Assumption Day</source>
        <translation>Assomption</translation>
    </message>
    <message>
        <source>All Saints&apos; Day</source>
        <translation>Toussaint</translation>
    </message>
    <message>
        <source>Armistice Day</source>
        <translation>Armistice</translation>
    </message>
    <message>
        <source>Christmas Day</source>
        <translation>Noël</translation>
    </message>
    <message>
        <source>expected</source>
        <translation>attendu</translation>
    </message>
    <message>
        <source>present</source>
        <translation>présent</translation>
    </message>
    <message>
        <source>late</source>
        <translation>en retard</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>not planned</source>
        <translation>non planifié</translation>
    </message>
    <message>
        <source>Scan the lot to load</source>
        <translation>Scannez le lot à charger</translation>
    </message>
    <message>
        <source>Scan the cell</source>
        <translation>Scannez la cellule</translation>
    </message>
    <message>
        <source>Scan the new cell&apos;s serial number</source>
        <translation>Scannez le numéro de série de la nouvelle cellule</translation>
    </message>
    <message>
        <source>Scan the new lot&apos;s label</source>
        <translation>Scannez l&apos;étiquette du nouveau lot</translation>
    </message>
    <message>
        <source>Scan the new {kind}&apos;s label</source>
        <translation>Scannez l&apos;étiquette du nouvel élément ({kind})</translation>
    </message>
    <message>
        <source>Scan {kind} {number} of {total}</source>
        <translation>Scannez l&apos;élément {number} sur {total} ({kind})</translation>
    </message>
    <message>
        <source>Scan the slurry batch</source>
        <translation>Scannez le lot de slurry</translation>
    </message>
    <message>
        <source>Scan the powder lot of the next addition</source>
        <translation>Scannez le lot de poudre de l&apos;ajout suivant</translation>
    </message>
    <message>
        <source>Weigh the addition of {material}</source>
        <translation>Pesez l&apos;ajout de {material}</translation>
    </message>
    <message>
        <source>Take the previous cell off the balance, then put this cell on it</source>
        <translation>Retirez la cellule précédente de la balance, puis posez celle-ci dessus</translation>
    </message>
    <message>
        <source>Put the cell on the balance</source>
        <translation>Posez la cellule sur la balance</translation>
    </message>
    <message>
        <source>Fill the cell, then put it back on the balance</source>
        <translation>Remplissez la cellule, puis reposez-la sur la balance</translation>
    </message>
    <message>
        <source>{what} {measured} {unit}: within {target} +/- {tolerance} {unit}</source>
        <translation>{what} {measured} {unit} : dans la tolérance {target} +/- {tolerance} {unit}</translation>
    </message>
    <message>
        <source>{what} out of tolerance: measured {measured} {unit}, target {target} +/- {tolerance} {unit}</source>
        <translation>{what} hors tolérance : mesuré {measured} {unit}, cible {target} +/- {tolerance} {unit}</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>Remplissage</translation>
    </message>
    <message>
        <source>Addition</source>
        <translation>Ajout</translation>
    </message>
    <message>
        <source>A {role} may not do this: {permission}</source>
        <translation>Le rôle {role} n&apos;autorise pas cette action : {permission}</translation>
    </message>
    <message>
        <source>Backup file not found: {path}</source>
        <translation>Fichier de sauvegarde introuvable : {path}</translation>
    </message>
    <message>
        <source>{path} is not a Linedesk database: {reason}</source>
        <translation>{path} n&apos;est pas une base de données Linedesk : {reason}</translation>
    </message>
    <message>
        <source>{path} is not a sound Linedesk database</source>
        <translation>{path} n&apos;est pas une base de données Linedesk saine</translation>
    </message>
    <message>
        <source>Restore works on SQLite files; restore PostgreSQL with pg_restore</source>
        <translation>La restauration porte sur des fichiers SQLite ; restaurez PostgreSQL avec pg_restore</translation>
    </message>
    <message>
        <source>Linedesk is running on {path}: close it on this PC before restoring</source>
        <translation>Linedesk est ouvert sur {path} : fermez-le sur ce PC avant de restaurer</translation>
    </message>
    <message>
        <source>Database file not found: {path}</source>
        <translation>Fichier de base de données introuvable : {path}</translation>
    </message>
    <message>
        <source>Cannot open the database {url}: {reason}</source>
        <translation>Impossible d&apos;ouvrir la base de données {url} : {reason}</translation>
    </message>
    <message>
        <source>This database holds plant data and is not a demo database: the demo is never seeded into it</source>
        <translation>Cette base contient des données de l&apos;usine et n&apos;est pas une base de démonstration : la démo n&apos;y est jamais chargée</translation>
    </message>
    <message>
        <source>Unknown lot or serial number: {id}</source>
        <translation>Numéro de lot ou de série inconnu : {id}</translation>
    </message>
    <message>
        <source>{kind} is not a kind of lot</source>
        <translation>{kind} n&apos;est pas un type de lot</translation>
    </message>
    <message>
        <source>The material must have 1 to 64 characters</source>
        <translation>La matière doit avoir de 1 à 64 caractères</translation>
    </message>
    <message>
        <source>The quantity must be above zero</source>
        <translation>La quantité doit être supérieure à zéro</translation>
    </message>
    <message>
        <source>{id} exists already</source>
        <translation>{id} existe déjà</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}</source>
        <translation>Impossible d&apos;écrire {path} : {reason}</translation>
    </message>
    <message>
        <source>Give a reason</source>
        <translation>Indiquez un motif</translation>
    </message>
    <message>
        <source>{id} is on hold already</source>
        <translation>{id} est déjà bloqué</translation>
    </message>
    <message>
        <source>{id} is not on hold</source>
        <translation>{id} n&apos;est pas bloqué</translation>
    </message>
    <message>
        <source>{id} is {status}: it cannot be scrapped</source>
        <translation>{id} est à l&apos;état « {status} » : mise au rebut impossible</translation>
    </message>
    <message>
        <source>{file} line {line}: {reason}</source>
        <translation>{file} ligne {line} : {reason}</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation>Impossible de lire {path} : {reason}</translation>
    </message>
    <message>
        <source>not UTF-8 text</source>
        <translation>pas du texte UTF-8</translation>
    </message>
    <message>
        <source>the header lacks {missing} (expected the columns {expected})</source>
        <translation>il manque {missing} dans l&apos;en-tête (colonnes attendues : {expected})</translation>
    </message>
    <message>
        <source>{found} fields where the header has {expected}</source>
        <translation>{found} champs alors que l&apos;en-tête en a {expected}</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not an ISO 8601 date-time (YYYY-MM-DDTHH:MM:SS)</source>
        <translation>&apos;{text}&apos; n&apos;est pas une date-heure ISO 8601 (AAAA-MM-JJTHH:MM:SS)</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a quantity</source>
        <translation>&apos;{text}&apos; n&apos;est pas une quantité</translation>
    </message>
    <message>
        <source>Another genealogy import is running on this database; try again later</source>
        <translation>Un autre import de généalogie est en cours sur cette base ; réessayez plus tard</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a lot or serial number</source>
        <translation>&apos;{value}&apos; n&apos;est pas un numéro de lot ou de série</translation>
    </message>
    <message>
        <source>{id} is on line {first} already</source>
        <translation>{id} figure déjà à la ligne {first}</translation>
    </message>
    <message>
        <source>unknown kind &apos;{kind}&apos; (raw, intermediate, cell, module, pack)</source>
        <translation>type inconnu &apos;{kind}&apos; (raw, intermediate, cell, module, pack)</translation>
    </message>
    <message>
        <source>the material must have 1 to 64 characters</source>
        <translation>la matière doit avoir de 1 à 64 caractères</translation>
    </message>
    <message>
        <source>unknown unit &apos;{unit}&apos;</source>
        <translation>unité inconnue &apos;{unit}&apos;</translation>
    </message>
    <message>
        <source>a {kind} is one unit, not {quantity}</source>
        <translation>un élément de type {kind} est une unité, pas {quantity}</translation>
    </message>
    <message>
        <source>{id} is stored already with other data ({kind}, {material}, {quantity} {unit}, made {created_at})</source>
        <translation>{id} est déjà enregistré avec d&apos;autres données ({kind}, {material}, {quantity} {unit}, fabriqué le {created_at})</translation>
    </message>
    <message>
        <source>{id} was stored meanwhile at a station</source>
        <translation>{id} a été enregistré entre-temps à un poste</translation>
    </message>
    <message>
        <source>a lot of this file was stored meanwhile</source>
        <translation>un lot de ce fichier a été enregistré entre-temps</translation>
    </message>
    <message>
        <source>unknown parent {id} (not in the lots file nor stored)</source>
        <translation>parent inconnu {id} (ni dans le fichier des lots ni en base)</translation>
    </message>
    <message>
        <source>unknown child {id} (not in the lots file nor stored)</source>
        <translation>enfant inconnu {id} (ni dans le fichier des lots ni en base)</translation>
    </message>
    <message>
        <source>{parent} cannot be consumed into {child}</source>
        <translation>{parent} ne peut pas être consommé dans {child}</translation>
    </message>
    <message>
        <source>{unit} does not convert to {parent}&apos;s unit {other}</source>
        <translation>{unit} ne se convertit pas dans l&apos;unité {other} de {parent}</translation>
    </message>
    <message>
        <source>{id} is consumed already (a unit is used once)</source>
        <translation>{id} est déjà consommé (une unité ne sert qu&apos;une fois)</translation>
    </message>
    <message>
        <source>lot {id} would give more than it holds ({capacity} {unit} left)</source>
        <translation>le lot {id} donnerait plus qu&apos;il ne contient (reste {capacity} {unit})</translation>
    </message>
    <message>
        <source>the same link as line {first}</source>
        <translation>même lien qu&apos;à la ligne {first}</translation>
    </message>
    <message>
        <source>a link is stored twice</source>
        <translation>un lien est enregistré deux fois</translation>
    </message>
    <message>
        <source>Unknown line: {line}</source>
        <translation>Ligne inconnue : {line}</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un nombre</translation>
    </message>
    <message>
        <source>a list of numbers</source>
        <translation>une liste de nombres</translation>
    </message>
    <message>
        <source>An account is locked for 0 to 1,440 minutes, not {value}</source>
        <translation>Un compte est verrouillé de 0 à 1 440 minutes, pas {value}</translation>
    </message>
    <message>
        <source>Staff per GWh must be between 0 and 10,000</source>
        <translation>L&apos;effectif par GWh doit être compris entre 0 et 10 000</translation>
    </message>
    <message>
        <source>Leavers are anonymised after 1 to 50 years, not {years}</source>
        <translation>Les salariés partis sont anonymisés après 1 à 50 ans, et non {years}</translation>
    </message>
    <message>
        <source>Capacities must be between 0 and 1,000 GWh</source>
        <translation>Les capacités doivent être comprises entre 0 et 1 000 GWh</translation>
    </message>
    <message>
        <source>Unknown plant setting &apos;{key}&apos;; known: {known}</source>
        <translation>Paramètre d&apos;usine inconnu « {key} » ; connus : {known}</translation>
    </message>
    <message>
        <source>Plant setting {key}: expected {expected}, got {value!r}</source>
        <translation>Paramètre d&apos;usine {key} : {expected} attendu, reçu {value!r}</translation>
    </message>
    <message>
        <source>You may see only your own employee record</source>
        <translation>Vous ne pouvez consulter que votre propre fiche salarié</translation>
    </message>
    <message>
        <source>Unknown badge: {badge}</source>
        <translation>Badge inconnu : {badge}</translation>
    </message>
    <message>
        <source>A requisition id must have 1 to 32 characters</source>
        <translation>Un identifiant de demande de recrutement doit avoir de 1 à 32 caractères</translation>
    </message>
    <message>
        <source>Unknown department or contract: {value}</source>
        <translation>Service ou contrat inconnu : {value}</translation>
    </message>
    <message>
        <source>A requisition has 1 to 500 positions</source>
        <translation>Une demande de recrutement compte de 1 à 500 postes</translation>
    </message>
    <message>
        <source>Requisition {code} already exists</source>
        <translation>La demande de recrutement {code} existe déjà</translation>
    </message>
    <message>
        <source>A requisition closes as filled or cancelled</source>
        <translation>Une demande de recrutement se clôt pourvue ou annulée</translation>
    </message>
    <message>
        <source>Unknown requisition: {code}</source>
        <translation>Demande de recrutement inconnue : {code}</translation>
    </message>
    <message>
        <source>Requisition {code} is already {status}</source>
        <translation>La demande de recrutement {code} est déjà {status}</translation>
    </message>
    <message>
        <source>Unknown certification level &apos;{level}&apos;; known: {known}</source>
        <translation>Niveau d&apos;habilitation inconnu &apos;{level}&apos; ; niveaux connus : {known}</translation>
    </message>
    <message>
        <source>No employee record for this user</source>
        <translation>Aucune fiche salarié pour cet utilisateur</translation>
    </message>
    <message>
        <source>Not employed yet: starts on {date}</source>
        <translation>Pas encore embauché : arrive le {date}</translation>
    </message>
    <message>
        <source>No longer employed: last day was {date}</source>
        <translation>Ne fait plus partie du personnel : dernier jour le {date}</translation>
    </message>
    <message>
        <source>Not qualified for {station_type}</source>
        <translation>Non habilité pour {station_type}</translation>
    </message>
    <message>
        <source>Only a trainee for {station_type}: not qualified yet</source>
        <translation>Seulement en formation pour {station_type} : pas encore habilité</translation>
    </message>
    <message>
        <source>Certificate for {station_type} expired on {date}</source>
        <translation>L&apos;habilitation pour {station_type} a expiré le {date}</translation>
    </message>
    <message>
        <source>Give a reason for letting this operator work here</source>
        <translation>Indiquez pourquoi cet opérateur peut travailler ici</translation>
    </message>
    <message>
        <source>Unknown employee: {id}</source>
        <translation>Salarié inconnu : {id}</translation>
    </message>
    <message>
        <source>badge {badge}: a change from {recorded} is recorded already; a change cannot take effect earlier, on {effective}</source>
        <translation>badge {badge} : un changement au {recorded} est déjà enregistré ; un changement ne peut pas prendre effet plus tôt, le {effective}</translation>
    </message>
    <message>
        <source>The database has no site</source>
        <translation>La base de données n&apos;a pas de site</translation>
    </message>
    <message>
        <source>Unknown line kind &apos;{kind}&apos;; known: cell, module, pack</source>
        <translation>Type de ligne inconnu &apos;{kind}&apos; ; types connus : cell, module, pack</translation>
    </message>
    <message>
        <source>Station {station} already exists</source>
        <translation>La station {station} existe déjà</translation>
    </message>
    <message>
        <source>Unknown station: {station}</source>
        <translation>Station inconnue : {station}</translation>
    </message>
    <message>
        <source>Station {station} has records; set it out of service instead</source>
        <translation>La station {station} a des enregistrements ; mettez-la hors service à la place</translation>
    </message>
    <message>
        <source>A production event needs a time with its zone</source>
        <translation>Un événement de production doit avoir une heure avec son fuseau</translation>
    </message>
    <message>
        <source>No shift covers {moment}</source>
        <translation>Aucun poste ne couvre {moment}</translation>
    </message>
    <message>
        <source>A stop needs times with their zone</source>
        <translation>Un arrêt doit avoir des heures avec leur fuseau</translation>
    </message>
    <message>
        <source>A stop must end after it starts</source>
        <translation>Un arrêt doit finir après son début</translation>
    </message>
    <message>
        <source>An unplanned stop cannot start in the future</source>
        <translation>Un arrêt non planifié ne peut pas commencer dans le futur</translation>
    </message>
    <message>
        <source>Choose a station or a line</source>
        <translation>Choisissez une station ou une ligne</translation>
    </message>
    <message>
        <source>{station} is already stopped since {start} ({reason}), not ended yet: a stop cannot overlap another at the same station</source>
        <translation>{station} est déjà à l&apos;arrêt depuis {start} ({reason}), arrêt non terminé : deux arrêts d&apos;un même poste ne peuvent pas se chevaucher</translation>
    </message>
    <message>
        <source>{station} already has a stop from {start} to {end} ({reason}): a stop cannot overlap another at the same station</source>
        <translation>{station} a déjà un arrêt de {start} à {end} ({reason}) : deux arrêts d&apos;un même poste ne peuvent pas se chevaucher</translation>
    </message>
    <message>
        <source>Unknown stop: {stop}</source>
        <translation>Arrêt inconnu : {stop}</translation>
    </message>
    <message>
        <source>A report window needs zoned times</source>
        <translation>Une période de rapport doit avoir des heures avec fuseau</translation>
    </message>
    <message>
        <source>The report window must end after it starts</source>
        <translation>La période du rapport doit finir après son début</translation>
    </message>
    <message>
        <source>{operator} may not work here: {problem}</source>
        <translation>{operator} ne peut pas travailler ici : {problem}</translation>
    </message>
    <message>
        <source>User name &apos;{value}&apos; is not valid: 2 to 64 lower-case letters, digits, &apos;.&apos;, &apos;-&apos; or &apos;_&apos;, starting with a letter</source>
        <translation>Identifiant &apos;{value}&apos; invalide : 2 à 64 lettres minuscules, chiffres, &apos;.&apos;, &apos;-&apos; ou &apos;_&apos;, en commençant par une lettre</translation>
    </message>
    <message>
        <source>A password needs at least {count} characters</source>
        <translation>Un mot de passe doit compter au moins {count} caractères</translation>
    </message>
    <message>
        <source>A PIN is 4 to 8 digits</source>
        <translation>Un code PIN compte de 4 à 8 chiffres</translation>
    </message>
    <message>
        <source>Unknown role &apos;{role}&apos;; known: {known}</source>
        <translation>Rôle inconnu &apos;{role}&apos; ; rôles connus : {known}</translation>
    </message>
    <message>
        <source>A name must have 1 to 200 characters</source>
        <translation>Un nom doit avoir de 1 à 200 caractères</translation>
    </message>
    <message>
        <source>Give a password, a PIN or both</source>
        <translation>Indiquez un mot de passe, un code PIN ou les deux</translation>
    </message>
    <message>
        <source>A PIN needs a badge to go with it</source>
        <translation>Un code PIN va avec un badge</translation>
    </message>
    <message>
        <source>User {user} already exists</source>
        <translation>L&apos;utilisateur {user} existe déjà</translation>
    </message>
    <message>
        <source>Badge {badge} already belongs to another user</source>
        <translation>Le badge {badge} appartient déjà à un autre utilisateur</translation>
    </message>
    <message>
        <source>This database has users already; an administrator adds new ones</source>
        <translation>Cette base a déjà des utilisateurs ; un administrateur en ajoute de nouveaux</translation>
    </message>
    <message>
        <source>Unknown user: {user}</source>
        <translation>Utilisateur inconnu : {user}</translation>
    </message>
    <message>
        <source>You cannot deactivate yourself</source>
        <translation>Vous ne pouvez pas vous désactiver vous-même</translation>
    </message>
    <message>
        <source>Sign-in refused: unknown badge or user, or wrong PIN or password</source>
        <translation>Connexion refusée : badge ou utilisateur inconnu, ou code PIN ou mot de passe erroné</translation>
    </message>
    <message>
        <source>Enter your user name</source>
        <translation>Saisissez votre nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Enter your password</source>
        <translation>Saisissez votre mot de passe</translation>
    </message>
    <message>
        <source>Scan your badge or type its number</source>
        <translation>Scannez votre badge ou saisissez son numéro</translation>
    </message>
    <message>
        <source>Enter your PIN</source>
        <translation>Saisissez votre code PIN</translation>
    </message>
    <message>
        <source>{user} is not locked</source>
        <translation>{user} n&apos;est pas verrouillé</translation>
    </message>
    <message>
        <source>{user} is locked until {time} after {count} failed attempts</source>
        <translation>{user} est verrouillé jusqu&apos;à {time} après {count} tentatives échouées</translation>
    </message>
    <message>
        <source>{user} is no longer active; ask an administrator</source>
        <translation>{user} n&apos;est plus actif ; adressez-vous à un administrateur</translation>
    </message>
    <message>
        <source>Sign in to sign this record</source>
        <translation>Connectez-vous pour signer cet enregistrement</translation>
    </message>
    <message>
        <source>Signature refused: the PIN or password is wrong</source>
        <translation>Signature refusée : le code PIN ou le mot de passe est erroné</translation>
    </message>
    <message>
        <source>{id} is scrapped</source>
        <translation>{id} est mis au rebut</translation>
    </message>
    <message>
        <source>Lot {id} is empty</source>
        <translation>Le lot {id} est vide</translation>
    </message>
    <message>
        <source>{id} is used already (consumed or shipped)</source>
        <translation>{id} est déjà utilisé (consommé ou expédié)</translation>
    </message>
    <message>
        <source>{id} is on hold: {reason}</source>
        <translation>{id} est bloqué : {reason}</translation>
    </message>
    <message>
        <source>{id} is blocked: it is made from {held}, on hold: {reason}</source>
        <translation>{id} est bloqué : il est fabriqué à partir de {held}, bloqué : {reason}</translation>
    </message>
    <message>
        <source>A {kind}&apos;s route does not pass {station_type}</source>
        <translation>La gamme d&apos;un élément de type {kind} ne passe pas par {station_type}</translation>
    </message>
    <message>
        <source>{id} has passed {station_type} already</source>
        <translation>{id} est déjà passé par {station_type}</translation>
    </message>
    <message>
        <source>{id} skipped a step: it must pass {missing} first</source>
        <translation>{id} a sauté une étape : il doit d&apos;abord passer par {missing}</translation>
    </message>
    <message>
        <source>{id} is a {kind} ({material}); this step takes a {expected}</source>
        <translation>{id} est de type {kind} ({material}) ; cette étape attend le type {expected}</translation>
    </message>
    <message>
        <source>No operator signed in: sign in with your badge</source>
        <translation>Aucun opérateur connecté : connectez-vous avec votre badge</translation>
    </message>
    <message>
        <source>{id} was scanned {seconds} s ago: it is recorded once</source>
        <translation>{id} a été scanné il y a {seconds} s : il n&apos;est enregistré qu&apos;une fois</translation>
    </message>
    <message>
        <source>{id} arrives with a genealogy import that is still running: scan it again once the import finished</source>
        <translation>{id} arrive avec un import de généalogie encore en cours : scannez-le à nouveau une fois l&apos;import terminé</translation>
    </message>
    <message>
        <source>{id} is {material}; this station loads {expected}</source>
        <translation>{id} est du {material} ; cette station charge {expected}</translation>
    </message>
    <message>
        <source>{id} is loaded already</source>
        <translation>{id} est déjà chargé</translation>
    </message>
    <message>
        <source>{id} loaded: {material}, {remaining} {unit} left</source>
        <translation>{id} chargé : {material}, reste {remaining} {unit}</translation>
    </message>
    <message>
        <source>{id} exists already: it was made on {at} at {station}</source>
        <translation>{id} existe déjà : fabriqué le {at} à {station}</translation>
    </message>
    <message>
        <source>Load {materials} first</source>
        <translation>Chargez d&apos;abord {materials}</translation>
    </message>
    <message>
        <source>Load a lot first</source>
        <translation>Chargez d&apos;abord un lot</translation>
    </message>
    <message>
        <source>No recipe says how much {material} a {product} takes</source>
        <translation>Aucune recette n&apos;indique la quantité de {material} pour un {product}</translation>
    </message>
    <message>
        <source>Lot {id} has {remaining} {unit} left, {needed} are needed: load a new one</source>
        <translation>Il reste {remaining} {unit} dans le lot {id}, il en faut {needed} : chargez-en un nouveau</translation>
    </message>
    <message>
        <source>{id} made ({material})</source>
        <translation>{id} fabriqué ({material})</translation>
    </message>
    <message>
        <source>No fill recipe for {material}</source>
        <translation>Aucune recette de remplissage pour {material}</translation>
    </message>
    <message>
        <source>{id} accepted: fill {target} +/- {tolerance} {unit}</source>
        <translation>{id} accepté : remplir {target} +/- {tolerance} {unit}</translation>
    </message>
    <message>
        <source>{id} passed {station_type}</source>
        <translation>{id} a passé {station_type}</translation>
    </message>
    <message>
        <source>{id} is complete already</source>
        <translation>{id} est déjà complet</translation>
    </message>
    <message>
        <source>{id} opened</source>
        <translation>{id} ouvert</translation>
    </message>
    <message>
        <source>{id} is open already</source>
        <translation>{id} est déjà ouvert</translation>
    </message>
    <message>
        <source>{id} complete: {count} {kind}s</source>
        <translation>{id} complet : {count} éléments de type {kind}</translation>
    </message>
    <message>
        <source>{id} into {container} ({count} of {total})</source>
        <translation>{id} dans {container} ({count} sur {total})</translation>
    </message>
    <message>
        <source>Batch {id} opened ({material})</source>
        <translation>Lot de mélange {id} ouvert ({material})</translation>
    </message>
    <message>
        <source>Batch {id} closed: {quantity} kg</source>
        <translation>Lot de mélange {id} clôturé : {quantity} kg</translation>
    </message>
    <message>
        <source>{material} is not in the recipe of {product}</source>
        <translation>{material} ne fait pas partie de la recette de {product}</translation>
    </message>
    <message>
        <source>{id} accepted: add {target} +/- {tolerance} {unit}</source>
        <translation>{id} accepté : ajouter {target} +/- {tolerance} {unit}</translation>
    </message>
    <message>
        <source>The balance weighs in {unit}, the recipe in {other}</source>
        <translation>La balance pèse en {unit}, la recette est en {other}</translation>
    </message>
    <message>
        <source>Lot {id} is counted in {lot_unit}, which {unit} does not convert to</source>
        <translation>Le lot {id} est compté en {lot_unit}, vers quoi {unit} ne se convertit pas</translation>
    </message>
    <message>
        <source>This station does not fill cells</source>
        <translation>Cette station ne remplit pas de cellules</translation>
    </message>
    <message>
        <source>Only a stable weight counts: wait for the balance</source>
        <translation>Seul un poids stable compte : attendez la balance</translation>
    </message>
    <message>
        <source>This station does not mix</source>
        <translation>Cette station ne fait pas de mélange</translation>
    </message>
    <message>
        <source>Scan the slurry batch first</source>
        <translation>Scannez d&apos;abord le lot de slurry</translation>
    </message>
    <message>
        <source>Lot {id} has {remaining} {unit} left</source>
        <translation>Il reste {remaining} {unit} dans le lot {id}</translation>
    </message>
    <message>
        <source>NOT RECORDED: the database is read-only. Stop scanning and call the supervisor.</source>
        <translation>NON ENREGISTRÉ : la base de données est en lecture seule. Arrêtez de scanner et appelez le chef d&apos;équipe.</translation>
    </message>
    <message>
        <source>NOT RECORDED: the disk is full. Stop scanning and call the supervisor.</source>
        <translation>NON ENREGISTRÉ : le disque est plein. Arrêtez de scanner et appelez le chef d&apos;équipe.</translation>
    </message>
    <message>
        <source>NOT RECORDED: the database stayed busy with other work. Scan again.</source>
        <translation>NON ENREGISTRÉ : la base de données est restée occupée par d&apos;autres travaux. Scannez à nouveau.</translation>
    </message>
    <message>
        <source>NOT RECORDED: the database refused the scan ({reason})</source>
        <translation>NON ENREGISTRÉ : la base de données a refusé le scan ({reason})</translation>
    </message>
    <message>
        <source>Not a database URL: {url} (expected sqlite:///FILE or postgresql://HOST/DB)</source>
        <translation>URL de base de données invalide : {url} (attendu sqlite:///FICHIER ou postgresql://HÔTE/BASE)</translation>
    </message>
    <message>
        <source>Unsupported database URL scheme &apos;{scheme}&apos;: use sqlite:///FILE or postgresql://HOST/DB</source>
        <translation>Schéma d&apos;URL de base de données non pris en charge &apos;{scheme}&apos; : utilisez sqlite:///FICHIER ou postgresql://HÔTE/BASE</translation>
    </message>
    <message>
        <source>Unsupported SQLite driver &apos;{driver}&apos;: use sqlite:///FILE</source>
        <translation>Pilote SQLite non pris en charge &apos;{driver}&apos; : utilisez sqlite:///FICHIER</translation>
    </message>
    <message>
        <source>Cannot create the folder of {path}: {reason}</source>
        <translation>Impossible de créer le dossier de {path} : {reason}</translation>
    </message>
    <message>
        <source>Backups of a PostgreSQL database are made with pg_dump on the server</source>
        <translation>Les sauvegardes d&apos;une base PostgreSQL se font avec pg_dump sur le serveur</translation>
    </message>
    <message>
        <source>{path} exists already; choose a new file name</source>
        <translation>{path} existe déjà ; choisissez un nouveau nom de fichier</translation>
    </message>
    <message>
        <source>Folder not found: {path}</source>
        <translation>Dossier introuvable : {path}</translation>
    </message>
    <message>
        <source>Backup to {path} failed: {reason}</source>
        <translation>Échec de la sauvegarde vers {path} : {reason}</translation>
    </message>
    <message>
        <source>Unexpected error: {error}</source>
        <translation>Erreur inattendue : {error}</translation>
    </message>
    <message>
        <source>Unknown A&amp;D header {header!r} in {line!r}</source>
        <translation>En-tête A&amp;D inconnu {header!r} dans {line!r}</translation>
    </message>
    <message>
        <source>Not an A&amp;D weight line: {line!r}</source>
        <translation>Ligne de poids A&amp;D invalide : {line!r}</translation>
    </message>
    <message>
        <source>The balance did not understand the command (ES)</source>
        <extracomment>Commands this codec knows how to read the reply of. Reply ID for each command: SI and SIR answer with ``S``, ``@`` with ``I4``.</extracomment>
        <translation>La balance n&apos;a pas compris la commande (ES)</translation>
    </message>
    <message>
        <source>The balance received a damaged command: parity or break (ET)</source>
        <translation>La balance a reçu une commande endommagée : parité ou coupure (ET)</translation>
    </message>
    <message>
        <source>The balance could not carry out the command (EL)</source>
        <translation>La balance n&apos;a pas pu exécuter la commande (EL)</translation>
    </message>
    <message>
        <source>The balance cannot do that now: busy, or no stable weight in time ({id} I)</source>
        <translation>La balance ne peut pas le faire maintenant : occupée, ou pas de poids stable à temps ({id} I)</translation>
    </message>
    <message>
        <source>Empty line</source>
        <translation>Ligne vide</translation>
    </message>
    <message>
        <source>Not an MT-SICS reply: {line!r}</source>
        <translation>Réponse MT-SICS invalide : {line!r}</translation>
    </message>
    <message>
        <source>Not a weight reply: {line!r}</source>
        <translation>Réponse de poids invalide : {line!r}</translation>
    </message>
    <message>
        <source>MT-SICS weight reply without a valid value and unit: {line!r}</source>
        <translation>Réponse de poids MT-SICS sans valeur ni unité valides : {line!r}</translation>
    </message>
    <message>
        <source>Overload: the load is above the balance&apos;s capacity</source>
        <translation>Surcharge : la charge dépasse la capacité de la balance</translation>
    </message>
    <message>
        <source>Underload: the pan is missing or the load is below zero range</source>
        <translation>Sous-charge : le plateau manque ou la charge est sous la plage du zéro</translation>
    </message>
    <message>
        <source>Unreadable line (bytes that are not ASCII): check baud rate, data bits and parity</source>
        <translation>Ligne illisible (octets non ASCII) : vérifiez le débit en bauds, les bits de données et la parité</translation>
    </message>
    <message>
        <source>Unreadable line (control characters): check baud rate, data bits and parity</source>
        <translation>Ligne illisible (caractères de contrôle) : vérifiez le débit en bauds, les bits de données et la parité</translation>
    </message>
    <message>
        <source>Balance error {code}</source>
        <translation>Erreur de balance {code}</translation>
    </message>
    <message>
        <source>Not a Sartorius SBI weight line: {line!r}</source>
        <translation>Ligne de poids Sartorius SBI invalide : {line!r}</translation>
    </message>
    <message>
        <source>{label} check digit is wrong: expected {expected}, got {got}</source>
        <extracomment>Named affixes accepted in configuration; anything else is taken literally. AIM symbology identifier letters (ISO/IEC 15424); the modifier digit is reported as sent. Identifiers whose data is a GS1 element string (FNC1 in first position). Identifiers whose data is a bare GTIN (EAN-13/UPC-A, EAN-8, ITF-14). GS1 primary keys: a code without identifier is taken as GS1 only if it starts with one of these or carries a GS separator, so that a plant code such as ``10ABC`` stays plain text.</extracomment>
        <translation>La clé de contrôle {label} est fausse : attendu {expected}, reçu {got}</translation>
    </message>
    <message>
        <source>Could not decode the scan: {detail}</source>
        <translation>Impossible de décoder le scan : {detail}</translation>
    </message>
    <message>
        <source>The scan does not start with the configured prefix {prefix!r}</source>
        <translation>Le scan ne commence pas par le préfixe configuré {prefix!r}</translation>
    </message>
    <message>
        <source>Unreadable scan (not UTF-8): check the scanner&apos;s baud rate, data bits and parity</source>
        <translation>Scan illisible (pas en UTF-8) : vérifiez le débit en bauds, les bits de données et la parité du lecteur</translation>
    </message>
    <message>
        <source>Unreadable scan (control characters): check the scanner&apos;s baud rate and parity</source>
        <translation>Scan illisible (caractères de contrôle) : vérifiez le débit en bauds et la parité du lecteur</translation>
    </message>
    <message>
        <source>Empty scan</source>
        <translation>Scan vide</translation>
    </message>
    <message>
        <source>Unknown symbology identifier {symbology}</source>
        <translation>Identifiant de symbologie inconnu {symbology}</translation>
    </message>
    <message>
        <source>Not a valid GS1 code: {detail}</source>
        <translation>Code GS1 invalide : {detail}</translation>
    </message>
    <message>
        <source>Not a valid EAN/UPC/ITF-14 code: {code!r}</source>
        <translation>Code EAN/UPC/ITF-14 invalide : {code!r}</translation>
    </message>
    <message>
        <source>No reply to {command} within {seconds} s</source>
        <translation>Pas de réponse à {command} en {seconds} s</translation>
    </message>
    <message>
        <source>The {protocol} protocol has no {verb} command</source>
        <translation>Le protocole {protocol} n&apos;a pas de commande {verb}</translation>
    </message>
    <message>
        <source>Unexpected reply to {command}: {line!r}</source>
        <translation>Réponse inattendue à {command} : {line!r}</translation>
    </message>
    <message>
        <source>The balance is not connected</source>
        <translation>La balance n&apos;est pas connectée</translation>
    </message>
    <message>
        <source>Line longer than {limit} bytes discarded; reading resumes at the next line</source>
        <extracomment>Terminators a balance may be configured with; any of them ends a line.</extracomment>
        <translation>Ligne de plus de {limit} octets ignorée ; la lecture reprend à la ligne suivante</translation>
    </message>
    <message>
        <source>No port configured</source>
        <translation>Aucun port configuré</translation>
    </message>
    <message>
        <source>No USB serial device matches {binding}</source>
        <translation>Aucun périphérique série USB ne correspond à {binding}</translation>
    </message>
    <message>
        <source>Several USB serial devices match {binding} ({ports}): set usb_serial</source>
        <translation>Plusieurs périphériques série USB correspondent à {binding} ({ports}) : renseignez usb_serial</translation>
    </message>
    <message>
        <source>Invalid port settings for {port}: {detail}</source>
        <translation>Paramètres de port invalides pour {port} : {detail}</translation>
    </message>
    <message>
        <source>Cannot open {port}: {detail}</source>
        <translation>Impossible d&apos;ouvrir {port} : {detail}</translation>
    </message>
    <message>
        <source>No data for {seconds} s: the device looks unplugged</source>
        <translation>Aucune donnée depuis {seconds} s : le périphérique semble débranché</translation>
    </message>
    <message>
        <source>Connection lost: {detail}</source>
        <translation>Connexion perdue : {detail}</translation>
    </message>
    <message>
        <source>Unknown shift pattern: {pattern}</source>
        <translation>Roulement de postes inconnu : {pattern}</translation>
    </message>
    <message>
        <source>No shift pattern is active</source>
        <translation>Aucun roulement de postes n&apos;est actif</translation>
    </message>
    <message>
        <source>Unknown shift: {shift}; known: {known}</source>
        <translation>Poste inconnu : {shift} ; postes connus : {known}</translation>
    </message>
    <message>
        <source>A calendar spans 1 to {most} days</source>
        <translation>Un calendrier couvre de 1 à {most} jours</translation>
    </message>
    <message>
        <source>The shifts of pattern {pattern} stay {known}; only their times change</source>
        <translation>Les postes du roulement {pattern} restent {known} ; seuls leurs horaires changent</translation>
    </message>
    <message>
        <source>A holiday needs a name</source>
        <translation>Un jour férié doit avoir un nom</translation>
    </message>
    <message>
        <source>No holiday on {day}</source>
        <translation>Aucun jour férié le {day}</translation>
    </message>
    <message>
        <source>Holidays are computed for 2000 to 2100, not {year}</source>
        <translation>Les jours fériés sont calculés de 2000 à 2100, et non {year}</translation>
    </message>
    <message>
        <source>{day} is a holiday with the plant closed: no shift</source>
        <translation>Le {day} est un jour férié, usine fermée : aucun poste</translation>
    </message>
    <message>
        <source>{what} must have 1 to {limit} characters</source>
        <translation>{what} doit avoir de 1 à {limit} caractères</translation>
    </message>
    <message>
        <source>Unknown kind &apos;{kind}&apos;</source>
        <translation>Type inconnu &apos;{kind}&apos;</translation>
    </message>
    <message>
        <source>A route needs at least one step</source>
        <translation>Une gamme doit avoir au moins une étape</translation>
    </message>
    <message>
        <source>A route passes each station type once</source>
        <translation>Une gamme passe une seule fois par chaque type de station</translation>
    </message>
    <message>
        <source>Target and tolerance cannot be negative</source>
        <translation>La cible et la tolérance ne peuvent pas être négatives</translation>
    </message>
    <message>
        <source>No such recipe: {recipe}</source>
        <translation>Recette inconnue : {recipe}</translation>
    </message>
    <message>
        <source>IN PROGRESS: figures up to {time}, the shift is not over</source>
        <translation>EN COURS : chiffres jusqu&apos;à {time}, le poste n&apos;est pas terminé</translation>
    </message>
    <message>
        <source>A clocking needs a time with its zone</source>
        <translation>Un pointage doit avoir une heure avec son fuseau</translation>
    </message>
    <message>
        <source>{badge} is not employed on {day}</source>
        <translation>{badge} n&apos;est pas employé le {day}</translation>
    </message>
    <message>
        <source>No shift to clock in to at {moment}</source>
        <translation>Aucun poste sur lequel pointer à {moment}</translation>
    </message>
    <message>
        <source>{name} already clocked out of this shift; a supervisor corrects the times</source>
        <translation>{name} a déjà pointé sa sortie de ce poste ; un chef d&apos;équipe corrige les horaires</translation>
    </message>
    <message>
        <source>Give a reason for the correction</source>
        <translation>Indiquez le motif de la correction</translation>
    </message>
    <message>
        <source>A clocking of this shift lies within 6 hours of it</source>
        <translation>Un pointage de ce poste se situe à moins de 6 heures de celui-ci</translation>
    </message>
    <message>
        <source>A clock-out needs a clock-in</source>
        <translation>Un pointage de sortie nécessite un pointage d&apos;entrée</translation>
    </message>
    <message>
        <source>The clock-out must follow the clock-in</source>
        <translation>La sortie doit suivre l&apos;entrée</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>manquante</translation>
    </message>
    <message>
        <source>draft, not handed over</source>
        <translation>brouillon, pas encore transmise</translation>
    </message>
    <message>
        <source>not acknowledged</source>
        <translation>pas encore lue</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>lue et signée</translation>
    </message>
    <message>
        <source>Choose a line</source>
        <translation>Choisissez une ligne</translation>
    </message>
    <message>
        <source>A handover field holds at most {most} characters</source>
        <translation>Un champ de passation contient au plus {most} caractères</translation>
    </message>
    <message>
        <source>This shift has not started: nothing to hand over yet</source>
        <translation>Ce poste n&apos;a pas commencé : rien à transmettre pour l&apos;instant</translation>
    </message>
    <message>
        <source>This handover was acknowledged by {who}: it cannot change</source>
        <translation>Cette passation a été lue et signée par {who} : elle ne peut plus changer</translation>
    </message>
    <message>
        <source>No handover was submitted for {line}, {day} {shift}</source>
        <translation>Aucune passation transmise pour {line}, {day} {shift}</translation>
    </message>
    <message>
        <source>This handover was acknowledged by {who} already</source>
        <translation>Cette passation a déjà été lue et signée par {who}</translation>
    </message>
    <message>
        <source>The incoming supervisor acknowledges, not the one who wrote it</source>
        <translation>C&apos;est le chef d&apos;équipe entrant qui signe, pas celui qui a rédigé</translation>
    </message>
    <message>
        <source>{badge} is not planned on this shift</source>
        <translation>{badge} n&apos;est pas planifié sur ce poste</translation>
    </message>
    <message>
        <source>Shift report {day}, {shift}</source>
        <translation>Rapport de poste {day}, {shift}</translation>
    </message>
    <message>
        <source>no clock-out</source>
        <translation>pas de sortie pointée</translation>
    </message>
    <message>
        <source>in progress, up to {time}</source>
        <translation>en cours, jusqu&apos;à {time}</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>all lines</source>
        <translation>toutes les lignes</translation>
    </message>
    <message>
        <source>From - to</source>
        <translation>De - à</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Crew</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Public holiday</source>
        <translation>Jour férié</translation>
    </message>
    <message>
        <source>Output / target</source>
        <translation>Production / objectif</translation>
    </message>
    <message>
        <source>NG (scrap)</source>
        <translation>NOK (rebut)</translation>
    </message>
    <message>
        <source>Downtime</source>
        <translation>Arrêts</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Pointage</translation>
    </message>
    <message>
        <source>{present} present of {planned} planned; {absent} absent, {late} late</source>
        <translation>{present} présents sur {planned} planifiés ; {absent} absents, {late} en retard</translation>
    </message>
    <message>
        <source>Holds placed</source>
        <translation>Blocages posés</translation>
    </message>
    <message>
        <source>Stations without a qualified operator</source>
        <translation>Stations sans opérateur habilité</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Généré le</translation>
    </message>
    <message>
        <source>Production per station</source>
        <translation>Production par station</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unités</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>Attainment</source>
        <translation>Atteinte</translation>
    </message>
    <message>
        <source>Scrap rate</source>
        <translation>Taux de rebut</translation>
    </message>
    <message>
        <source>FPY</source>
        <translation>FPY</translation>
    </message>
    <message>
        <source>OEE</source>
        <translation>TRS</translation>
    </message>
    <message>
        <source>Downtime (min)</source>
        <translation>Arrêts (min)</translation>
    </message>
    <message>
        <source>Production per line</source>
        <translation>Production par ligne</translation>
    </message>
    <message>
        <source>Bottleneck</source>
        <translation>Goulot</translation>
    </message>
    <message>
        <source>Downtime by reason</source>
        <translation>Arrêts par motif</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planifié</translation>
    </message>
    <message>
        <source>Stops</source>
        <translation>Arrêts</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>No stop in this shift</source>
        <translation>Aucun arrêt pendant ce poste</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Badge</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>Late (min)</source>
        <translation>Retard (min)</translation>
    </message>
    <message>
        <source>Overtime (min)</source>
        <translation>Heures sup. (min)</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>Correction</translation>
    </message>
    <message>
        <source>Nobody planned or clocked in</source>
        <translation>Personne de planifié ni de pointé</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Élément</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>Matière</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Posé le</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>Débloqué le</translation>
    </message>
    <message>
        <source>No hold placed in this shift</source>
        <translation>Aucun blocage posé pendant ce poste</translation>
    </message>
    <message>
        <source>Handover notes</source>
        <translation>Notes de passation</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>Rédigée par</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Open issues</source>
        <translation>Points ouverts</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <source>Acknowledged by</source>
        <translation>Lue et signée par</translation>
    </message>
    <message>
        <source>No handover written for this shift</source>
        <translation>Aucune passation rédigée pour ce poste</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Synthèse</translation>
    </message>
    <message>
        <source>Gathering the shift&apos;s figures</source>
        <translation>Collecte des chiffres de l&apos;équipe</translation>
    </message>
    <message>
        <source>Writing the workbook</source>
        <translation>Écriture du classeur</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>Linedesk is closing: nothing recorded.</source>
        <translation>Linedesk se ferme : rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>{code} refused: cell {cell} is being weighed. Finish the weighing, or cancel it.</source>
        <translation>{code} refusé : la cellule {cell} est en cours de pesée. Terminez la pesée ou annulez-la.</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>Interim</source>
        <translation>Intérim</translation>
    </message>
    <message>
        <source>Apprentice</source>
        <translation>Alternance</translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation>Effectif</translation>
    </message>
    <message>
        <source>Requisitions</source>
        <translation>Demandes de recrutement</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Salariés</translation>
    </message>
    <message>
        <source>My record</source>
        <translation>Ma fiche</translation>
    </message>
    <message>
        <source>Skills matrix</source>
        <translation>Matrice de compétences</translation>
    </message>
    <message>
        <source>My skills</source>
        <translation>Mes habilitations</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <source>trainee</source>
        <translation>en formation</translation>
    </message>
    <message>
        <source>qualified</source>
        <translation>habilité</translation>
    </message>
    <message>
        <source>trainer</source>
        <translation>formateur</translation>
    </message>
    <message>
        <source>Not certified</source>
        <translation>Non habilité</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expirée</translation>
    </message>
    <message>
        <source>expires within 30 days</source>
        <translation>expire sous 30 jours</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>valide</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Badge</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Crew</source>
        <translation>Équipe</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>RecipeDialog</name>
    <message>
        <source>Recipe</source>
        <translation>Recette</translation>
    </message>
    <message>
        <source>Station type</source>
        <translation>Type de station</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>Paramètre</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Tolerance (+/-)</source>
        <translation>Tolérance (+/-)</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <source>Target and tolerance must be numbers</source>
        <translation>La cible et la tolérance doivent être des nombres</translation>
    </message>
</context>
<context>
    <name>RequisitionsTab</name>
    <message>
        <source>{count} open requisitions, {positions} positions</source>
        <translation>{count} demandes de recrutement ouvertes, {positions} postes</translation>
    </message>
</context>
<context>
    <name>RouteDialog</name>
    <message>
        <source>Route</source>
        <translation>Gamme</translation>
    </message>
    <message>
        <source>all designs</source>
        <translation>tous les modèles</translation>
    </message>
    <message>
        <source>Route id</source>
        <translation>Identifiant de gamme</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Kind of unit</source>
        <translation>Type d&apos;unité</translation>
    </message>
    <message>
        <source>Design (material)</source>
        <translation>Modèle (matière)</translation>
    </message>
    <message>
        <source>Station types, in order</source>
        <translation>Types de station, dans l&apos;ordre</translation>
    </message>
</context>
<context>
    <name>ShiftsPage</name>
    <message>
        <source>All lines</source>
        <translation>Toutes les lignes</translation>
    </message>
    <message>
        <source>Current shift</source>
        <translation>Poste en cours</translation>
    </message>
    <message>
        <source>Shift report</source>
        <translation>Rapport de poste</translation>
    </message>
    <message>
        <source>PDF...</source>
        <translation>PDF...</translation>
    </message>
    <message>
        <source>Excel (XLSX)...</source>
        <translation>Excel (XLSX)...</translation>
    </message>
    <message>
        <source>Shifts</source>
        <translation>Postes</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Open it</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Plan someone...</source>
        <translation>Planifier quelqu&apos;un...</translation>
    </message>
    <message>
        <source>Take off this shift</source>
        <translation>Retirer de ce poste</translation>
    </message>
    <message>
        <source>Correct clocking...</source>
        <translation>Corriger un pointage...</translation>
    </message>
    <message>
        <source>Roster and attendance</source>
        <translation>Planning et pointage</translation>
    </message>
    <message>
        <source>Badge clock</source>
        <translation>Pointeuse badge</translation>
    </message>
    <message>
        <source>Handover</source>
        <translation>Passation</translation>
    </message>
    <message>
        <source>Crew calendar</source>
        <translation>Calendrier des équipes</translation>
    </message>
    <message>
        <source>crew {crew}</source>
        <translation>équipe {crew}</translation>
    </message>
    <message>
        <source>{present} present of {planned} planned</source>
        <translation>{present} présents sur {planned} planifiés</translation>
    </message>
    <message>
        <source>{absent} absent, {late} late</source>
        <translation>{absent} absents, {late} en retard</translation>
    </message>
    <message>
        <source>overtime {hours:.1f} h</source>
        <translation>heures sup. {hours:.1f} h</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>without a qualified operator: {stations}</source>
        <translation>sans opérateur habilité : {stations}</translation>
    </message>
    <message>
        <source>{line} {day} {shift}: {status}</source>
        <translation>{line} {day} {shift} : {status}</translation>
    </message>
    <message>
        <source>Handovers to the current shift not acknowledged: {items}</source>
        <translation>Passations au poste en cours pas encore lues : {items}</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>Jour férié</translation>
    </message>
    <message>
        <source>Shift report written: {file}</source>
        <translation>Rapport d&apos;équipe écrit : {file}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Badge</translation>
    </message>
    <message>
        <source>Crew</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation>Habilité</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>Late (min)</source>
        <translation>Retard (min)</translation>
    </message>
    <message>
        <source>Overtime (min)</source>
        <translation>Heures sup. (min)</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>Correction</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planifiés</translation>
    </message>
    <message>
        <source>Qualified planned</source>
        <translation>Habilités planifiés</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Présents</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>Couverture</translation>
    </message>
    <message>
        <source>no qualified operator</source>
        <translation>aucun opérateur habilité</translation>
    </message>
    <message>
        <source>covered</source>
        <translation>couvert</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <source>Sign</source>
        <translation>Signer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Scan your badge</source>
        <translation>Scannez votre badge</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Code PIN</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Badge</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <source>Password (8 characters or more)</source>
        <translation>Mot de passe (8 caractères ou plus)</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Mot de passe à nouveau</translation>
    </message>
    <message>
        <source>Supervisor badge</source>
        <translation>Badge du chef d&apos;équipe</translation>
    </message>
    <message>
        <source>Let this operator work here</source>
        <translation>Autoriser cet opérateur à travailler ici</translation>
    </message>
    <message>
        <source>Supervisor PIN</source>
        <translation>Code PIN du chef d&apos;équipe</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Demo plant: sign in as</source>
        <translation>Usine de démonstration : se connecter en tant que</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>User / password</source>
        <translation>Identifiant / mot de passe</translation>
    </message>
    <message>
        <source>Badge / PIN</source>
        <translation>Badge / code PIN</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Utiliser</translation>
    </message>
    <message>
        <source>Create the first administrator</source>
        <translation>Créer le premier administrateur</translation>
    </message>
    <message>
        <source>Create and sign in</source>
        <translation>Créer et se connecter</translation>
    </message>
    <message>
        <source>Sign in with a user name instead</source>
        <translation>Se connecter plutôt avec un identifiant</translation>
    </message>
    <message>
        <source>Sign in with a badge instead</source>
        <translation>Se connecter plutôt avec un badge</translation>
    </message>
    <message>
        <source>The two passwords differ</source>
        <translation>Les deux mots de passe diffèrent</translation>
    </message>
</context>
<context>
    <name>SignatureBox</name>
    <message>
        <source>Electronic signature</source>
        <translation>Signature électronique</translation>
    </message>
    <message>
        <source>Your PIN or password</source>
        <translation>Votre code PIN ou mot de passe</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approuver</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Rejeter</translation>
    </message>
    <message>
        <source>PIN or password</source>
        <translation>Code PIN ou mot de passe</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Signification</translation>
    </message>
</context>
<context>
    <name>SkillsTab</name>
    <message>
        <source>All departments</source>
        <translation>Tous les services</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>{n} expired</source>
        <translation>{n} expirées</translation>
    </message>
    <message>
        <source>{n} expire within 30 days</source>
        <translation>{n} expirent sous 30 jours</translation>
    </message>
    <message>
        <source>{n} valid</source>
        <translation>{n} valides</translation>
    </message>
</context>
<context>
    <name>StationDialog</name>
    <message>
        <source>New station</source>
        <translation>Nouvelle station</translation>
    </message>
    <message>
        <source>Edit station</source>
        <translation>Modifier la station</translation>
    </message>
    <message>
        <source>In service</source>
        <translation>En service</translation>
    </message>
    <message>
        <source>Station id</source>
        <translation>Identifiant de station</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Station type</source>
        <translation>Type de station</translation>
    </message>
    <message>
        <source>Position on the line</source>
        <translation>Position sur la ligne</translation>
    </message>
</context>
<context>
    <name>StationPage</name>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>Weigh again</source>
        <translation>Repeser</translation>
    </message>
    <message>
        <source>Scan or type a lot or serial number, then Enter</source>
        <translation>Scannez ou saisissez un numéro de lot ou de série, puis Entrée</translation>
    </message>
    <message>
        <source>Last scans</source>
        <translation>Derniers scans</translation>
    </message>
    <message>
        <source>Recording {code}</source>
        <translation>Enregistrement de {code}</translation>
    </message>
    <message>
        <source>{count} scans waiting</source>
        <translation>{count} scans en attente</translation>
    </message>
    <message>
        <source>This station needs a balance: none is connected</source>
        <translation>Cette station nécessite une balance : aucune n&apos;est connectée</translation>
    </message>
    <message>
        <source>Out of tolerance: choose what happens to the cell</source>
        <translation>Hors tolérance : choisissez le sort de la cellule</translation>
    </message>
    <message>
        <source>NOT RECORDED</source>
        <translation>NON ENREGISTRÉ</translation>
    </message>
    <message>
        <source>Recording the fill of {code}</source>
        <translation>Enregistrement du remplissage de {code}</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Weighing of {code} cancelled</source>
        <translation>Pesée de {code} annulée</translation>
    </message>
    <message>
        <source>Zero</source>
        <translation>Zéro</translation>
    </message>
    <message>
        <source>Tare</source>
        <translation>Tare</translation>
    </message>
    <message>
        <source>Record the weight</source>
        <translation>Enregistrer le poids</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>Balance lost: reconnecting</source>
        <translation>Balance perdue : reconnexion en cours</translation>
    </message>
    <message>
        <source>Balance failed</source>
        <translation>Balance en panne</translation>
    </message>
    <message>
        <source>Balance disconnected</source>
        <translation>Balance déconnectée</translation>
    </message>
    <message>
        <source>Balance lost</source>
        <translation>Balance perdue</translation>
    </message>
    <message>
        <source>No reading from the balance: check its cable and power</source>
        <translation>Aucune mesure de la balance : vérifiez son câble et son alimentation</translation>
    </message>
    <message>
        <source>stable</source>
        <translation>stable</translation>
    </message>
    <message>
        <source>moving</source>
        <translation>instable</translation>
    </message>
    <message>
        <source>Empty weight recorded: {weight}</source>
        <translation>Poids à vide enregistré : {weight}</translation>
    </message>
    <message>
        <source>Put on hold...</source>
        <translation>Bloquer...</translation>
    </message>
    <message>
        <source>Scrap...</source>
        <translation>Mettre au rebut...</translation>
    </message>
    <message>
        <source>Cancel the weighing</source>
        <translation>Annuler la pesée</translation>
    </message>
    <message>
        <source>Put on hold</source>
        <translation>Bloquer</translation>
    </message>
    <message>
        <source>Why is {code} put on hold?</source>
        <translation>Pourquoi {code} est-il bloqué ?</translation>
    </message>
    <message>
        <source>{code} is on hold</source>
        <translation>{code} est bloqué</translation>
    </message>
    <message>
        <source>Scrap</source>
        <translation>Mettre au rebut</translation>
    </message>
    <message>
        <source>Why is {code} scrapped?</source>
        <translation>Pourquoi {code} est-il mis au rebut ?</translation>
    </message>
    <message>
        <source>Sign with your PIN or password</source>
        <translation>Signez avec votre code PIN ou votre mot de passe</translation>
    </message>
    <message>
        <source>{code} is scrapped</source>
        <translation>{code} est mis au rebut</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <source>No operator signed in</source>
        <translation>Aucun opérateur connecté</translation>
    </message>
    <message>
        <source>Operator: {name}</source>
        <translation>Opérateur : {name}</translation>
    </message>
    <message>
        <source>{id}: {material}, {remaining} {unit} left</source>
        <translation>{id} : {material}, reste {remaining} {unit}</translation>
    </message>
    <message>
        <source>Building {id}: {count} of {size}</source>
        <translation>Montage de {id} : {count} sur {size}</translation>
    </message>
    <message>
        <source>Loaded: {lots}</source>
        <translation>Chargés : {lots}</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Ce qui s&apos;est passé</translation>
    </message>
    <message>
        <source>{code} looks typed with another keyboard layout (AZERTY). Nothing was recorded. Set the scanner and the keyboard to the same layout, then scan again.</source>
        <translation>{code} semble tapé avec une autre disposition de clavier (AZERTY). Rien n&apos;a été enregistré. Réglez le lecteur et le clavier sur la même disposition, puis scannez à nouveau.</translation>
    </message>
    <message>
        <source>{code} looks typed with another keyboard layout (AZERTY): did you mean {meant}? Nothing was recorded. Set the scanner and the keyboard to the same layout, then scan again.</source>
        <translation>{code} semble tapé avec une autre disposition de clavier (AZERTY) : vouliez-vous dire {meant} ? Rien n&apos;a été enregistré. Réglez le lecteur et le clavier sur la même disposition, puis scannez à nouveau.</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock user</source>
        <translation>Déverrouiller l&apos;utilisateur</translation>
    </message>
    <message>
        <source>{user} is locked until {time} after failed sign-in attempts</source>
        <translation>{user} est verrouillé jusqu&apos;à {time} après des échecs de connexion</translation>
    </message>
    <message>
        <source>Why the lock is lifted now</source>
        <translation>Pourquoi le verrouillage est levé maintenant</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>New user</source>
        <translation>Nouvel utilisateur</translation>
    </message>
    <message>
        <source>Edit user</source>
        <translation>Modifier l&apos;utilisateur</translation>
    </message>
    <message>
        <source>leave empty to keep</source>
        <translation>laisser vide pour conserver</translation>
    </message>
    <message>
        <source>May sign in</source>
        <translation>Peut se connecter</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Badge</translation>
    </message>
    <message>
        <source>Password (office PCs)</source>
        <translation>Mot de passe (PC de bureau)</translation>
    </message>
    <message>
        <source>PIN (stations, 4 to 8 digits)</source>
        <translation>Code PIN (stations, 4 à 8 chiffres)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
</context>
<context>
    <name>_SignedDialog</name>
    <message>
        <source>Sign and save</source>
        <translation>Signer et enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
</TS>
