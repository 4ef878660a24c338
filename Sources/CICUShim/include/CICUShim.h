#ifndef CICUSHIM_H
#define CICUSHIM_H

#include <stdint.h>

// The only boundary between CableMend and ICU. Only <stdint.h> types cross it, so no ICU
// type reaches a Swift module (Foundation carries its own ICU; see docs/icu.md).

#ifdef __cplusplus
extern "C" {
#endif

/// Normalisation forms understood by `cm_normalize`.
enum { CM_NFC = 0, CM_NFKC = 1, CM_NFD = 2, CM_NFKD = 3 };

/// Normalises UTF-16 `src` into `dest`. Returns the length needed; a negative value is an
/// ICU error code negated. When the result exceeds `capacity`, nothing useful is written and
/// the needed length is returned, so the caller retries with a larger buffer.
int32_t cm_normalize(int32_t form, const uint16_t *src, int32_t length, uint16_t *dest,
                     int32_t capacity);

/// 1 when `src` is already in the form, 0 when not, negative on error.
int32_t cm_is_normalized(int32_t form, const uint16_t *src, int32_t length);

/// ICU script code (UScriptCode) of a code point; 25 is Latin, 8 Cyrillic, 14 Greek.
int32_t cm_script(int32_t codepoint);

/// ICU general category (UCharCategory) of a code point.
int32_t cm_char_type(int32_t codepoint);

/// Confusable skeleton (UTS #39) of UTF-16 `src`, with the same buffer convention as
/// `cm_normalize`. The spoof checker is opened once per thread and reused.
int32_t cm_skeleton(const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity);

#ifdef __cplusplus
}
#endif

#endif
