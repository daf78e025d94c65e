; Inno Setup 6 script for one edition of Health Guide, shared by every edition.
;
; `health-guide build` on Windows writes <slug>-setup.iss next to the bundle: it defines the
; values below and includes this file. Compile that one: iscc dist\<slug>-setup.iss
; The result is dist\<slug>-<version>-setup.exe.
;
; - Installs for the current user (no administrator rights) or for everyone; Setup asks.
; - A newer setup of the same edition (same AppId, the pack's id) replaces the old program in
;   place; members' settings live in %APPDATA%\health-guide\editions\<id> and are kept, and
;   a new disclaimer version is asked again on the next start.
; - Uninstalling removes the program folder and shortcuts, and leaves the settings.

#ifndef AppId
  #error Compile the <slug>-setup.iss that health-guide build writes, not this file.
#endif

[Setup]
AppId={#AppId}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
#if AppURL != ""
AppPublisherURL={#AppURL}
AppSupportURL={#AppURL}
#endif
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
UninstallDisplayIcon={app}\{#AppSlug}.exe
OutputDir={#OutputDir}
OutputBaseFilename={#AppSlug}-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
WizardStyle=modern
CloseApplications=yes

[InstallDelete]
; the previous version's files, so nothing of it lingers next to the new one
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppSlug}.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppSlug}.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Run]
Filename: "{app}\{#AppSlug}.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
