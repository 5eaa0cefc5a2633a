/* date.h: recognising the dates news pages print. */
#ifndef PRECIS_DATE_H
#define PRECIS_DATE_H

#include "util/symbols.h"

#include <stdbool.h>
#include <stddef.h>

/* Finds the first date in s[0..len) written as 2025-11-04, 2025/11/04,
 * 4 November 2025, 4 Nov. 2025, 4th November, 2025, November 4, 2025 or
 * Nov. 4 2025 (English month names), checks it is a real day between the
 * years 1900 and 2199, and writes it as "YYYY-MM-DD" to out. Sets *at and
 * *end (when not NULL) to the byte span of the date in s. */
bool date_find(const char *s, size_t len, char out[11], size_t *at,
               size_t *end);

/* date_find with the month names of another language as well: months is
 * the text of models/LANG/months.txt (12 lines, January first, each the
 * case-folded names and abbreviations of one month separated by spaces),
 * or NULL. Also reads "8. Mai 2024" and "8 de mayo de 2024". */
bool date_find_lang(const char *s, size_t len, const char *months,
                    char out[11], size_t *at, size_t *end);

/* Parses a time "H:MM" or "HH:MM" (00:00 to 23:59) at s[i]; on success
 * writes "HH:MM" to out and returns the index after it, else 0. */
size_t time_parse(const char *s, size_t len, size_t i, char out[6]);

#endif
