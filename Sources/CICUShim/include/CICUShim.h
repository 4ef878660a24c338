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

/// Binary Unicode properties understood by `cm_has_property`.
enum {
  CM_PROP_DEFAULT_IGNORABLE = 0,
  CM_PROP_QUOTATION_MARK = 1,
  CM_PROP_DASH = 2,
  CM_PROP_WHITE_SPACE = 3,
  CM_PROP_UPPERCASE = 4,
  CM_PROP_LOWERCASE = 5,
  CM_PROP_ALPHABETIC = 6,
};

/// 1 when the code point has the property, 0 when not (or the property is unknown).
int32_t cm_has_property(int32_t codepoint, int32_t property);

/// Decomposition types returned by `cm_decomposition_type` (a subset of Unicode's
/// Decomposition_Type; every other type is reported as CM_DT_OTHER).
enum {
  CM_DT_NONE = 0,
  CM_DT_CANONICAL = 1,
  CM_DT_COMPAT = 2,
  CM_DT_FONT = 3,
  CM_DT_WIDE = 4,
  CM_DT_NARROW = 5,
  CM_DT_NOBREAK = 6,
  CM_DT_PRESENTATION = 7,  // initial, medial, final and isolated forms
  CM_DT_OTHER = 8,         // circle, fraction, small, square, sub, super, vertical
};

/// Decomposition type of a code point, as one of the CM_DT_ constants.
int32_t cm_decomposition_type(int32_t codepoint);

/// Decodes `length` bytes in the legacy charset `charset` (an ICU converter name such as
/// "windows-1252") into UTF-16 `dest`, one code unit per byte; a byte the charset does not
/// define becomes 0xFFFF. Returns the number of code units written, or a negative ICU error.
/// Meant for building 256-entry tables once, not for bulk text.
int32_t cm_charset_table(const char *charset, const uint8_t *src, int32_t length, uint16_t *dest,
                         int32_t capacity);

/// Writes the Unicode name of a code point (NUL-terminated, ASCII) into `dest`. Returns its
/// length, 0 when it has no name, or a negative ICU error.
int32_t cm_char_name(int32_t codepoint, char *dest, int32_t capacity);

#ifdef __cplusplus
}
#endif

#endif
