# Shared set-up for scripts/run and scripts/test: a project virtual environment with the
# pinned dependencies, rebuilt only when pyproject.toml changes. Sourced, not executed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"

find_python() {
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  echo "Python 3.11 以上が見つかりません（Python 3.11+ をインストールしてください）" >&2
  return 1
}

ensure_venv() {
  local extras="$1" stamp want
  if [ ! -x "$VENV/bin/python" ]; then
    "$(find_python)" -m venv "$VENV"
  fi
  want="$(cat "$ROOT/pyproject.toml" | sha256sum | cut -c1-16)-$extras"
  stamp="$VENV/.tsunagi-installed"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    "$VENV/bin/python" -m pip install --quiet -e "$ROOT[$extras]"
    echo "$want" > "$stamp"
  fi
}

ensure_qt_runtime() {
  # PySide6 wheels bring Qt itself; the offscreen platform still needs a few system
  # libraries (present on the project image, installed here if a machine lacks them).
  if ! QT_QPA_PLATFORM=offscreen "$VENV/bin/python" -c \
      'from PySide6.QtWidgets import QApplication; QApplication([])' >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
      apt-get update -qq
      apt-get install -y -qq libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 \
        libglib2.0-0 >/dev/null
    else
      echo "Qt の実行に必要なライブラリ（libEGL, libxkbcommon, fontconfig）が見つかりません" >&2
    fi
  fi
}

ensure_translations() {
  # The English catalogue is compiled from its .ts with pyside6-lrelease at build time; the
  # .qm is not kept in git. Recompiled whenever the .ts is newer.
  local ts="$ROOT/resources/translations/tsunagi_en.ts"
  local qm="$ROOT/resources/translations/tsunagi_en.qm"
  if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
    "$VENV/bin/pyside6-lrelease" -silent "$ts" -qm "$qm"
  fi
}

ensure_fonts() {
  # IPAmj明朝 prints the characters of real names that the bundled IPAex fonts lack (𠮷田).
  # 46 MB, so not kept in git: Debian's fonts-ipamj-mincho, installed here when missing.
  # Without it such a name is refused at print time with a message, never printed as ☒.
  if [ ! -f /usr/share/fonts/truetype/ipamj/ipamjm.ttf ] && [ ! -f "$ROOT/resources/fonts/ipamjm.ttf" ]; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
      apt-get update -qq
      apt-get install -y -qq fonts-ipamj-mincho >/dev/null
    else
      echo "IPAmj明朝（fonts-ipamj-mincho）がありません。𠮷 などを含む氏名は印刷できません（docs/INSTALL.md）" >&2
    fi
  fi
}
