/* tojsonl: writes each FILE as one JSON Lines record {"id": basename
 * without .txt, "text": contents} on stdout, for the JSONL tests. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) {
            perror(argv[i]);
            return 1;
        }
        size_t cap = 1 << 16, len = 0, n;
        char *text = malloc(cap);
        while (text && (n = fread(text + len, 1, cap - len, f)) > 0) {
            len += n;
            if (len == cap)
                text = realloc(text, cap *= 2);
        }
        fclose(f);
        if (!text)
            return 1;
        const char *base = strrchr(argv[i], '/');
        base = base ? base + 1 : argv[i];
        size_t id_len = strlen(base);
        if (id_len > 4 && strcmp(base + id_len - 4, ".txt") == 0)
            id_len -= 4;
        json_t *o = json_object();
        json_object_set_new(o, "id", json_stringn(base, id_len));
        json_t *t = json_stringn(text, len);
        json_object_set_new(o, "text", t ? t : json_string(""));
        char *line = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
        puts(line);
        free(line);
        json_decref(o);
        free(text);
    }
    return 0;
}
