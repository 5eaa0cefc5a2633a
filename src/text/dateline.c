/* dateline.c: the dateline a wire story's first sentence opens with.
 *
 * "DALLAS (AP) — They drew his blood..." is how the story was filed; a
 * summary or a briefing shows the sentence without it. */
#include <stdbool.h>
#include <string.h>

#include "internal.h"
#include "util/unicode.h"
#include "util/utf8.h"

/* The bytes of a dash at s[at]: an em or en dash, "--" or "-"; 0 for
 * none. */
static size_t dash_at(const char *s, size_t len, size_t at)
{
    if (at + 3 <= len && (memcmp(s + at, "\xE2\x80\x94", 3) == 0 ||
                          memcmp(s + at, "\xE2\x80\x93", 3) == 0))
        return 3;
    if (at + 2 <= len && memcmp(s + at, "--", 2) == 0)
        return 2;
    return at < len && s[at] == '-' ? 1 : 0;
}

/* A place in capitals alone counts when it is a word of five letters or
 * more, several words or has a region after it, so that an acronym
 * ("NASA — the agency...") stays. */
size_t dateline_length(const char *s, size_t len)
{
    /* The place: words in capitals (with . ' - inside), one space apart. */
    size_t at = 0, place_end = 0, letters = 0, words = 0;
    while (at < len) {
        size_t end = at, caps = 0;
        bool other = false;
        while (end < len && s[end] != ' ' && s[end] != ',' && s[end] != '(' &&
               !(dash_at(s, len, end) > 1)) {
            size_t next = end;
            int32_t cp = u8_next(s, len, &next);
            if (uc_is_upper(cp))
                caps++;
            else if (!(cp == '.' || cp == '\'' || cp == '-' || cp == 0x2019))
                other = true;
            end = next;
        }
        if (other || caps == 0)
            break;
        letters += caps;
        words++;
        place_end = end;
        if (end < len && s[end] == ' ')
            at = end + 1;
        else
            break;
    }
    at = place_end;
    bool region = false, agency = false;
    /* A region after a comma: "Mo.", "New Zealand", "Tuolumne County". */
    if (words && at + 2 < len && s[at] == ',' && s[at + 1] == ' ') {
        size_t r = at + 2, end = r;
        while (end < len && end - r < 32 && s[end] != '(' && s[end] != ',' &&
               !dash_at(s, len, end) &&
               !(s[end] == ' ' && dash_at(s, len, end + 1)))
            end++;
        if (end > r && end - r < 32) {
            at = end;
            region = true;
        }
    }
    /* The agency: "(AP)", "(Reuters)", "(CNN)". */
    size_t p = at;
    if (words && p < len && s[p] == ' ')
        p++;
    if (p < len && s[p] == '(') {
        size_t room = len - p < 32 ? len - p : 32;
        const char *close = memchr(s + p, ')', room);
        if (close && close > s + p + 1) {
            at = (size_t)(close - s) + 1;
            agency = true;
        }
    }
    if (!agency && !(words >= 2 || region || letters >= 5))
        return 0;
    /* The dash, with or without spaces: " — ", " – ", " -- ", " - ". */
    if (at < len && s[at] == ' ')
        at++;
    size_t dash = dash_at(s, len, at);
    if (!dash)
        return 0;
    at += dash;
    while (at < len && s[at] == ' ')
        at++;
    /* Something of a sentence must follow. */
    return len - at >= 16 ? at : 0;
}
