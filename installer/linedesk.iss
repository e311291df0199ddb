; Inno Setup script: the Windows installer of Linedesk (Inno Setup 6.3 or newer).
;
; Build the bundle first (installer\build_windows.ps1, or PyInstaller with installer\linedesk.spec
; into dist\linedesk), then:
;     "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 installer\linedesk.iss
; The installer is written to dist\linedesk-<version>-setup.exe.
;
; What it does:
; - installs for the whole PC (Program Files, needs an administrator), with a start-menu
;   shortcut (and a desktop one on request) that opens Linedesk without a console window;
; - an upgrade installs over the older version (same AppId): Linedesk is closed first, the old
;   program files are replaced, and the database is migrated by Linedesk itself at its first
;   start (every start and every command brings the database to the newest revision);
; - the uninstaller removes the program only. The databases, the workstation config, the logs
;   and the backups live in each user's data folder (%LOCALAPPDATA%\Linedesk\Linedesk), which
;   neither the installer nor the uninstaller touches: reinstalling finds the data again.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\dist\linedesk"
#endif

[Setup]
; Never change the AppId: it is how an upgrade finds the installed version.
AppId={{549F5751-01E9-44FA-BDE2-AC668B1ECF3F}
AppName=Linedesk
AppVersion={#AppVersion}
AppVerName=Linedesk {#AppVersion}
AppPublisher=Linedesk
DefaultDirName={autopf}\Linedesk
DefaultGroupName=Linedesk
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=linedesk-{#AppVersion}-setup
SetupIconFile=..\resources\icons\linedesk.ico
UninstallDisplayIcon={app}\linedesk-app.exe
UninstallDisplayName=Linedesk {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Close a running Linedesk (Restart Manager) before replacing its files, reopen it afterwards.
CloseApplications=yes
RestartApplications=no
UsePreviousAppDir=yes
ShowLanguageDialog=auto

[Languages]
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
fr.LaunchLinedesk=Démarrer Linedesk
en.LaunchLinedesk=Start Linedesk
fr.DemoLinedesk=Linedesk - usine de démonstration
en.DemoLinedesk=Linedesk - demo plant

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade starts from a clean program folder, so no module of the older version lingers.
; Only program files: the user data folder is elsewhere and is never deleted.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Linedesk"; Filename: "{app}\linedesk-app.exe"; WorkingDir: "{app}"
Name: "{autoprograms}\{cm:DemoLinedesk}"; Filename: "{app}\linedesk-app.exe"; Parameters: "demo"; WorkingDir: "{app}"
Name: "{autodesktop}\Linedesk"; Filename: "{app}\linedesk-app.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
; As the user who ran the installer (not the administrator account), so the data lands in their folder.
Filename: "{app}\linedesk-app.exe"; Description: "{cm:LaunchLinedesk}"; Flags: nowait postinstall skipifsilent unchecked runasoriginaluser

[UninstallDelete]
; Nothing from the user data folder: the database is kept on purpose.
Type: dirifempty; Name: "{app}"
