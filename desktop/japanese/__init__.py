"""Pure helpers for Japanese conventions: 和暦, kana folding and input validators."""
