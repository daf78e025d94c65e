#!/bin/sh
# Install @APP_NAME@ @VERSION@ for you alone; no administrator rights are needed.
#
#   ./install.sh               install, or replace an earlier version (your settings stay)
#   ./install.sh --uninstall   remove it again (your settings stay)
#   ./install.sh --prefix DIR  use DIR instead of ~/.local (the program goes in DIR/opt)
#
# To try it without installing, run ./@SLUG@/@SLUG@ from this folder.
set -eu

slug='@SLUG@'
app_name='@APP_NAME@'
version='@VERSION@'
edition_id='@EDITION_ID@'
icon_file='@ICON_FILE@'
here=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)

prefix="$HOME/.local"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
action=install
while [ $# -gt 0 ]; do
  case $1 in
    --uninstall) action=uninstall ;;
    --prefix)
      [ $# -ge 2 ] || { echo "install.sh: --prefix needs a folder" >&2; exit 2; }
      prefix=$2; data="$2/share"; shift ;;
    -h|--help) sed -n '2,8s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done

app="$prefix/opt/$slug"
command="$prefix/bin/$slug"
desktop="$data/applications/$slug.desktop"
icon="$data/icons/hicolor/@ICON_SIZE@/apps/$icon_file"
settings="${XDG_DATA_HOME:-$HOME/.local/share}/health-guide/editions/$edition_id"

refresh_menu() {
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$data/applications" 2>/dev/null || true
  fi
}

if [ "$action" = uninstall ]; then
  rm -rf "$app"
  if [ -L "$command" ]; then rm -f "$command"; fi
  rm -f "$desktop" "$icon"
  refresh_menu
  echo "Removed $app_name. Your settings are still in $settings (delete that folder too if you"
  echo "want them gone)."
  exit 0
fi

mkdir -p "$prefix/opt" "$prefix/bin" "$data/applications" "$(dirname "$icon")"
# Copy next to the old version first, then swap: a copy that fails half-way leaves the old
# version working. Settings live elsewhere ($settings), so they are kept.
rm -rf "$app.new" "$app.old"
cp -R "$here/$slug" "$app.new"
if [ -e "$app" ]; then mv "$app" "$app.old"; fi
mv "$app.new" "$app"
rm -rf "$app.old"
ln -sfn "$app/$slug" "$command"
cp "$here/$icon_file" "$icon"
# The menu entry starts the program by its full path, so it works even when $prefix/bin is
# not on PATH; the path is quoted and escaped as the desktop entry format asks.
exec_path=$(printf '%s' "$app/$slug" | sed 's/[\\"`$]/\\\\&/g; s/%/%%/g')
while IFS= read -r line; do
  case $line in
    Exec=*) printf 'Exec="%s"\n' "$exec_path" ;;
    *) printf '%s\n' "$line" ;;
  esac
done < "$here/$slug.desktop" > "$desktop"
refresh_menu

echo "Installed $app_name $version in $app."
echo "Start it from your applications menu, or run: $command"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "($prefix/bin is not on your PATH yet; it usually is after you log in again.)" ;;
esac
