#!/usr/bin/env bash
# Install the unpacked Tsunagi bundle for the current user: ~/.local/opt/tsunagi, a command
# in ~/.local/bin, and a menu entry with its icon. Data stays in the per-user data folder
# (~/.local/share/Tsunagi); uninstall.sh removes the program and keeps the data.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PREFIX="${XDG_DATA_HOME:-$HOME/.local/share}"
OPT="$HOME/.local/opt/tsunagi"
mkdir -p "$OPT" "$HOME/.local/bin" "$PREFIX/applications" "$PREFIX/icons/hicolor/256x256/apps"
rm -rf "$OPT"
cp -a "$HERE" "$OPT"
ln -sf "$OPT/tsunagi" "$HOME/.local/bin/tsunagi"
ln -sf "$OPT/tsunagi-cli" "$HOME/.local/bin/tsunagi-cli"
cp "$HERE/tsunagi.png" "$PREFIX/icons/hicolor/256x256/apps/tsunagi.png"
sed "s|^Exec=tsunagi|Exec=$OPT/tsunagi|" "$HERE/tsunagi.desktop" > "$PREFIX/applications/tsunagi.desktop"
echo "つなぎをインストールしました: $OPT（メニューの「オフィス」、またはコマンド tsunagi）"
