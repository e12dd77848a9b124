// Non-temporal stores, which Swift cannot express: they write whole cache
// lines to memory without first reading them in, and leave the cache to
// the data that is still needed.
#include <stddef.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// Copies `bytes` from `source` to `target`, which is 16-byte aligned,
/// with non-temporal stores where the processor has them.
static inline void mls_stream_copy(void *target, const void *source, size_t bytes) {
#if defined(__SSE2__)
  char *to = (char *)target;
  const char *from = (const char *)source;
  size_t done = 0;
  for (; done + 16 <= bytes; done += 16) {
    __m128i block = _mm_loadu_si128((const __m128i *)(from + done));
    _mm_stream_si128((__m128i *)(to + done), block);
  }
  memcpy(to + done, from + done, bytes - done);
#else
  memcpy(target, source, bytes);
#endif
}

/// Orders earlier non-temporal stores before every later store, so that
/// another thread that sees the later ones also sees them.
static inline void mls_stream_fence(void) {
#if defined(__SSE2__)
  _mm_sfence();
#endif
}
