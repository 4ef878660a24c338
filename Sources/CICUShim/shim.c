#include "CICUShim.h"

#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>

static const UNormalizer2 *normalizer(int32_t form, UErrorCode *status) {
  switch (form) {
  case CM_NFKC: return unorm2_getNFKCInstance(status);
  case CM_NFD: return unorm2_getNFDInstance(status);
  case CM_NFKD: return unorm2_getNFKDInstance(status);
  default: return unorm2_getNFCInstance(status);
  }
}

int32_t cm_normalize(int32_t form, const uint16_t *src, int32_t length, uint16_t *dest,
                     int32_t capacity) {
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2 *n = normalizer(form, &status);
  if (U_FAILURE(status)) return -(int32_t)status;
  int32_t needed = unorm2_normalize(n, (const UChar *)src, length, (UChar *)dest, capacity, &status);
  if (status == U_BUFFER_OVERFLOW_ERROR || U_SUCCESS(status)) return needed;
  return -(int32_t)status;
}

int32_t cm_is_normalized(int32_t form, const uint16_t *src, int32_t length) {
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2 *n = normalizer(form, &status);
  if (U_FAILURE(status)) return -(int32_t)status;
  UBool yes = unorm2_isNormalized(n, (const UChar *)src, length, &status);
  if (U_FAILURE(status)) return -(int32_t)status;
  return yes ? 1 : 0;
}

int32_t cm_script(int32_t codepoint) {
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode code = uscript_getScript((UChar32)codepoint, &status);
  return U_FAILURE(status) ? -1 : (int32_t)code;
}

int32_t cm_char_type(int32_t codepoint) { return (int32_t)u_charType((UChar32)codepoint); }

static _Thread_local USpoofChecker *spoof_checker;

int32_t cm_skeleton(const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity) {
  UErrorCode status = U_ZERO_ERROR;
  if (spoof_checker == NULL) {
    spoof_checker = uspoof_open(&status);
    if (U_FAILURE(status)) { spoof_checker = NULL; return -(int32_t)status; }
  }
  int32_t needed = uspoof_getSkeleton(spoof_checker, 0, (const UChar *)src, length, (UChar *)dest,
                                      capacity, &status);
  if (status == U_BUFFER_OVERFLOW_ERROR || U_SUCCESS(status)) return needed;
  return -(int32_t)status;
}

int32_t cm_has_property(int32_t codepoint, int32_t property) {
  UProperty which;
  switch (property) {
  case CM_PROP_DEFAULT_IGNORABLE: which = UCHAR_DEFAULT_IGNORABLE_CODE_POINT; break;
  case CM_PROP_QUOTATION_MARK: which = UCHAR_QUOTATION_MARK; break;
  case CM_PROP_DASH: which = UCHAR_DASH; break;
  case CM_PROP_WHITE_SPACE: which = UCHAR_WHITE_SPACE; break;
  case CM_PROP_UPPERCASE: which = UCHAR_UPPERCASE; break;
  case CM_PROP_LOWERCASE: which = UCHAR_LOWERCASE; break;
  case CM_PROP_ALPHABETIC: which = UCHAR_ALPHABETIC; break;
  default: return 0;
  }
  return u_hasBinaryProperty((UChar32)codepoint, which) ? 1 : 0;
}

int32_t cm_decomposition_type(int32_t codepoint) {
  switch (u_getIntPropertyValue((UChar32)codepoint, UCHAR_DECOMPOSITION_TYPE)) {
  case U_DT_NONE: return CM_DT_NONE;
  case U_DT_CANONICAL: return CM_DT_CANONICAL;
  case U_DT_COMPAT: return CM_DT_COMPAT;
  case U_DT_FONT: return CM_DT_FONT;
  case U_DT_WIDE: return CM_DT_WIDE;
  case U_DT_NARROW: return CM_DT_NARROW;
  case U_DT_NOBREAK: return CM_DT_NOBREAK;
  case U_DT_INITIAL:
  case U_DT_MEDIAL:
  case U_DT_FINAL:
  case U_DT_ISOLATED: return CM_DT_PRESENTATION;
  default: return CM_DT_OTHER;
  }
}

int32_t cm_charset_table(const char *charset, const uint8_t *src, int32_t length, uint16_t *dest,
                         int32_t capacity) {
  if (length > capacity) return -(int32_t)U_BUFFER_OVERFLOW_ERROR;
  UErrorCode status = U_ZERO_ERROR;
  UConverter *converter = ucnv_open(charset, &status);
  if (U_FAILURE(status)) return -(int32_t)status;
  // Stop on undefined bytes instead of substituting, so the caller can tell them apart.
  ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
  for (int32_t i = 0; i < length; i++) {
    UChar out[4];
    UErrorCode byteStatus = U_ZERO_ERROR;
    ucnv_reset(converter);
    int32_t n = ucnv_toUChars(converter, out, 4, (const char *)&src[i], 1, &byteStatus);
    dest[i] = (U_SUCCESS(byteStatus) && n == 1) ? out[0] : 0xFFFF;
  }
  ucnv_close(converter);
  return length;
}

int32_t cm_char_name(int32_t codepoint, char *dest, int32_t capacity) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = u_charName((UChar32)codepoint, U_UNICODE_CHAR_NAME, dest, capacity, &status);
  if (U_FAILURE(status)) return -(int32_t)status;
  return n;
}
