#!/usr/bin/env bash
# Remove the program installed by install.sh. The data folder (~/.local/share/Tsunagi, with
# the encrypted database and backups) is kept unless --purge-data is given.
set -euo pipefail
PREFIX="${XDG_DATA_HOME:-$HOME/.local/share}"
rm -rf "$HOME/.local/opt/tsunagi"
rm -f "$HOME/.local/bin/tsunagi" "$HOME/.local/bin/tsunagi-cli" \
      "$PREFIX/applications/tsunagi.desktop" "$PREFIX/icons/hicolor/256x256/apps/tsunagi.png"
if [ "${1:-}" = "--purge-data" ]; then
  rm -rf "$PREFIX/Tsunagi"
  echo "プログラムとデータを削除しました"
else
  echo "プログラムを削除しました。データ（$PREFIX/Tsunagi）は残しています"
fi
