# Build the one-folder Windows bundle, run its self-test, then the installer with Inno Setup.
#
#     powershell -ExecutionPolicy Bypass -File installer\build_windows.ps1
#
# Needs 64-bit Python 3.11+ (the `py` launcher) and Inno Setup 6 (ISCC.exe on the PATH or in its
# default folder). The counterpart of installer/build_linux.sh: a fresh virtual environment with
# the project and PyInstaller from the package index, at the tested versions of
# installer/constraints.txt, removed afterwards.
$ErrorActionPreference = "Stop"
$Root = Resolve-Path (Join-Path $PSScriptRoot "..")
$Dist = Join-Path $Root "dist"
$Work = Join-Path ([System.IO.Path]::GetTempPath()) ("linedesk-build-" + [guid]::NewGuid())
New-Item -ItemType Directory -Path $Work | Out-Null
try {
    py -3 -m venv "$Work\venv"
    $Py = "$Work\venv\Scripts\python.exe"
    $Constraints = Join-Path $Root "installer\constraints.txt"
    & $Py -m pip install --disable-pip-version-check -q -c "$Constraints" --upgrade pip
    if ($LASTEXITCODE -ne 0) { throw "pip upgrade failed" }
    & $Py -m pip install --disable-pip-version-check -q -c "$Constraints" "$Root" "pyinstaller>=6.10"
    if ($LASTEXITCODE -ne 0) { throw "pip install failed" }
    $Version = & $Py -c "import desktop; print(desktop.__version__)"

    Push-Location $Root
    & $Py -m PyInstaller --noconfirm --log-level WARN --distpath "$Dist" --workpath "$Work\build" installer\linedesk.spec
    if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }
    Pop-Location

    $env:LINEDESK_HOME = "$Work\home"
    & "$Dist\linedesk\linedesk.exe" --self-test
    if ($LASTEXITCODE -ne 0) { throw "the bundle's self-test failed" }
    Remove-Item Env:\LINEDESK_HOME

    $Iscc = (Get-Command ISCC.exe -ErrorAction SilentlyContinue).Source
    if (-not $Iscc) { $Iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
    & $Iscc "/DAppVersion=$Version" "$Root\installer\linedesk.iss"
    if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
    Write-Host "installer: $Dist\linedesk-$Version-setup.exe"
}
finally {
    Remove-Item -Recurse -Force $Work -ErrorAction SilentlyContinue
}
