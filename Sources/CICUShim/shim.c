#include "CICUShim.h"

#include <unicode/uchar.h>
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
