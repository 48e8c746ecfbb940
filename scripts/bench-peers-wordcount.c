/* The C floor for scripts/bench-peers.sh: read every {"id", "text"} record of a JSON Lines
 * corpus and count the words of its text, in one pass over each line, single-threaded.
 *
 *   cc -O2 -o wordcount scripts/bench-peers-wordcount.c && ./wordcount CORPUS.jsonl
 *
 * A word is a run of characters other than JSON-escaped or raw ASCII white space (space, \t,
 * \n, \r, \f). Only the top-level "text" member's string is counted; other members are skipped.
 * Prints: articles=N words=N. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *skip_ws(const char *p) {
  while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') p++;
  return p;
}

/* Scans the string that starts after an opening quote; returns the byte after the closing
 * quote. When words is not NULL, counts the words in it. */
static const char *scan_string(const char *p, unsigned long long *words) {
  int in_word = 0;
  while (*p && *p != '"') {
    int space;
    if (*p == '\\' && p[1]) {
      char e = p[1];
      space = (e == 'n' || e == 't' || e == 'r' || e == 'f');
      p += (e == 'u') ? 6 : 2;
    } else {
      space = (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f');
      p++;
    }
    if (words) {
      if (!space && !in_word) (*words)++;
      in_word = !space;
    }
  }
  return *p ? p + 1 : p;
}

/* Skips one value that is not a string: up to the next ',' or '}' at this depth. */
static const char *skip_value(const char *p) {
  int depth = 0;
  while (*p) {
    if (*p == '"') { p = scan_string(p + 1, NULL); continue; }
    if (*p == '{' || *p == '[') depth++;
    else if (*p == '}' || *p == ']') { if (depth == 0) return p; depth--; }
    else if (*p == ',' && depth == 0) return p;
    p++;
  }
  return p;
}

int main(int argc, char **argv) {
  if (argc != 2) { fprintf(stderr, "usage: %s CORPUS.jsonl\n", argv[0]); return 2; }
  FILE *f = fopen(argv[1], "rb");
  if (!f) { perror(argv[1]); return 1; }
  char *line = NULL;
  size_t cap = 0;
  unsigned long long records = 0, words = 0;
  while (getline(&line, &cap, f) != -1) {
    const char *p = skip_ws(line);
    if (*p != '{') continue;
    records++;
    p++;
    for (;;) {
      p = skip_ws(p);
      if (*p != '"') break;
      const char *key = p + 1;
      p = scan_string(key, NULL);
      int is_text = (p - key == 5 && memcmp(key, "text\"", 5) == 0);
      p = skip_ws(p);
      if (*p != ':') break;
      p = skip_ws(p + 1);
      if (*p == '"') p = scan_string(p + 1, is_text ? &words : NULL);
      else p = skip_value(p);
      p = skip_ws(p);
      if (*p != ',') break;
      p++;
    }
  }
  free(line);
  fclose(f);
  printf("articles=%llu words=%llu\n", records, words);
  return 0;
}
