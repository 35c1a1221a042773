; Inno Setup 6.3+ script for Tsunagi (つなぎ): a per-user install of the PyInstaller onedir
; bundle (dist\tsunagi), with a Start-menu entry and an uninstaller that keeps the user's
; data unless asked. Compile with installers\windows\build.ps1, which passes the version read
; from pyproject.toml and, when a certificate is configured, the signing tool:
;   ISCC.exe /DAppVersion=0.1.0 [/DSign /Stsunagisign="signtool.exe sign ... $f"] tsunagi.iss

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=X.Y.Z tsunagi.iss (build.ps1 does)
#endif
#define AppName "Tsunagi"
#define AppNameJa "つなぎ"
#define AppExe "tsunagi.exe"
#define Bundle "..\..\dist\tsunagi"

[Setup]
; Keep AppId constant across versions: it identifies the installation for upgrades.
AppId={{6E4B8F2A-5C1D-4E7B-9A3F-2D8C6B1E0F47}
AppName={#AppNameJa} ({#AppName})
AppVersion={#AppVersion}
AppVerName={#AppNameJa} {#AppVersion}
AppPublisher=Tsunagi
VersionInfoVersion={#AppVersion}
; Per user: no administrator rights; {autopf} is then %LOCALAPPDATA%\Programs.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppNameJa}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=tsunagi-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\tsunagi.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppNameJa} ({#AppName})
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; A running copy would keep files locked: ask it to close (Restart Manager).
CloseApplications=yes
#ifdef Sign
SignTool=tsunagisign
SignedUninstaller=yes
#endif

[Languages]
Name: "japanese"; MessagesFile: "compiler:Languages\Japanese.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
japanese.DesktopIcon=デスクトップにアイコンを作る
english.DesktopIcon=Create a desktop icon
japanese.RemoveData=つなぎのデータ（暗号化されたデータベース、バックアップ、ログ）も削除しますか？%n%n%1%n%n「いいえ」を選ぶとデータは残り、再インストール後にそのまま使えます。削除したデータは元に戻せません。
english.RemoveData=Also delete Tsunagi's data (the encrypted database, backups and logs)?%n%n%1%n%nChoose No to keep it for a later installation. Deleted data cannot be recovered.
japanese.LaunchApp=つなぎを起動する
english.LaunchApp=Start Tsunagi

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[Files]
; The whole onedir bundle; replaced whole on upgrade.
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; Files of an older version that the new bundle no longer has.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppNameJa}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\{#AppNameJa} のアンインストール"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppNameJa}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchApp}"; Flags: nowait postinstall skipifsilent

[Code]
// The user's data lives outside {app}, in platformdirs' user_data_dir("Tsunagi", False):
// %LOCALAPPDATA%\Tsunagi. It is kept unless the person says otherwise; a silent uninstall
// (e.g. by a software-distribution tool) always keeps it.
function UserDataDir: String;
begin
  Result := ExpandConstant('{localappdata}\Tsunagi');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DirExists(UserDataDir) and not UninstallSilent then
  begin
    if MsgBox(FmtMessage(CustomMessage('RemoveData'), [UserDataDir]),
              mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
      DelTree(UserDataDir, True, True, True);
  end;
end;

// The wizard's language becomes the app's first language on this PC: preferences.json in the
// data folder, as desktop/i18n.py reads it. Written only when there is none, so a language the
// person chose in the app (ファイル → 表示言語) is never overwritten by an upgrade.
procedure CurStepChanged(CurStep: TSetupStep);
var
  Prefs: String;
begin
  if CurStep = ssPostInstall then
  begin
    Prefs := UserDataDir + '\preferences.json';
    if not FileExists(Prefs) then
    begin
      ForceDirectories(UserDataDir);
      if ActiveLanguage = 'english' then
        SaveStringToFile(Prefs, '{"language": "en"}', False)
      else
        SaveStringToFile(Prefs, '{"language": "ja"}', False);
    end;
  end;
end;
