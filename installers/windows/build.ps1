# Build the Windows installer: the PyInstaller onedir bundle, its self-test, then Inno Setup.
#   powershell -ExecutionPolicy Bypass -File installers\windows\build.ps1 [-Sign]
# Needs Python 3.11+ and Inno Setup 6.3+ (ISCC.exe on PATH or in the default folder).
# -Sign: sign tsunagi.exe, tsunagi-cli.exe, the setup and its uninstaller with signtool
# (Windows SDK) and the certificate named by $env:TSUNAGI_SIGN_CERT_SHA1 (see docs/INSTALL.md).
param([switch]$Sign)
$ErrorActionPreference = "Stop"
$Root = Resolve-Path "$PSScriptRoot\..\.."
Set-Location $Root

if (-not (Test-Path ".venv\Scripts\python.exe")) { python -m venv .venv }
& .venv\Scripts\python.exe -m pip install --quiet --upgrade pip
& .venv\Scripts\python.exe -m pip install --quiet -e ".[build]"
$Version = (& .venv\Scripts\python.exe -c "import desktop; print(desktop.__version__)").Trim()

# The English catalogue (.ts → .qm) is compiled at build time; the .qm is not kept in git.
& .venv\Scripts\pyside6-lrelease.exe -silent resources\translations\tsunagi_en.ts `
    -qm resources\translations\tsunagi_en.qm
if ($LASTEXITCODE -ne 0) { throw "pyside6-lrelease failed" }

# IPAmj明朝 (ipamjm.ttf, IPA Font License) is bundled at build time; it is not kept in git.
if (-not $env:TSUNAGI_IPAMJ_FONT -or -not (Test-Path $env:TSUNAGI_IPAMJ_FONT)) {
    throw "Set TSUNAGI_IPAMJ_FONT to ipamjm.ttf from the IPAmj Mincho package (docs/INSTALL.md)"
}

& .venv\Scripts\pyinstaller.exe --noconfirm --clean --distpath dist --workpath build\pyinstaller `
    installers\pyinstaller\tsunagi.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

$env:QT_QPA_PLATFORM = "offscreen"
$env:TSUNAGI_DATA_DIR = Join-Path $env:TEMP ("tsunagi-selftest-" + [guid]::NewGuid())
& dist\tsunagi\tsunagi-cli.exe self-test
if ($LASTEXITCODE -ne 0) { throw "self-test of the bundle failed" }
Remove-Item Env:\QT_QPA_PLATFORM, Env:\TSUNAGI_DATA_DIR

$Iscc = (Get-Command ISCC.exe -ErrorAction SilentlyContinue).Source
if (-not $Iscc) { $Iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
$IsccArgs = @("/DAppVersion=$Version")
if ($Sign) {
    if (-not $env:TSUNAGI_SIGN_CERT_SHA1) { throw "TSUNAGI_SIGN_CERT_SHA1 is not set" }
    $SignCmd = "signtool.exe sign /fd sha256 /td sha256 /tr http://timestamp.digicert.com " +
               "/sha1 $env:TSUNAGI_SIGN_CERT_SHA1 `$f"
    foreach ($exe in "dist\tsunagi\tsunagi.exe", "dist\tsunagi\tsunagi-cli.exe") {
        & signtool.exe sign /fd sha256 /td sha256 /tr http://timestamp.digicert.com `
            /sha1 $env:TSUNAGI_SIGN_CERT_SHA1 $exe
        if ($LASTEXITCODE -ne 0) { throw "signing $exe failed" }
    }
    $IsccArgs += @("/DSign", "/Stsunagisign=$SignCmd")
}
& $Iscc @IsccArgs installers\windows\tsunagi.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
Write-Host "dist\tsunagi-$Version-setup.exe"
