/*
 * SHA-256 compression with the x86 SHA extensions: one stream (sha256_ni_x1) or two
 * independent streams interleaved (sha256_ni_x2).
 *
 * Why two: SHA256RNDS2 does two rounds, and each depends on the one before, so a single
 * stream waits on the instruction's latency; the SHA unit can start a new one before the
 * last has finished. Interleaving a second, independent stream fills those gaps: on the
 * benchmark machine (AMD Zen 4) one core hashes one stream at ~1.75 GB/s and two at
 * ~3.1 GB/s together. The digests are plain SHA-256 (tested against OpenSSL and FIPS 180-4
 * vectors); only the order of the work changes.
 *
 * The state lives in two registers as the instructions want it: (A,B,E,F) and (C,D,G,H).
 * Rounds go four at a time: the message words W[t..t+3] plus the round constants, two
 * rounds on the low half, two on the high half. W[16..63] follow the schedule
 *   W[t] = s1(W[t-2]) + W[t-7] + s0(W[t-15]) + W[t-16]
 * which SHA256MSG1 (the s0 part), an ALIGNR (W[t-7]) and SHA256MSG2 (the s1 part, which
 * also resolves the dependency inside the group of four) compute four words at a time.
 */
#ifndef MODELSIGN_SHA256_NI_H
#define MODELSIGN_SHA256_NI_H

#include <stddef.h>
#include <stdint.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <cpuid.h>
#include <immintrin.h>

#define NI_TARGET __attribute__((target("sha,sse4.1,ssse3")))

static const uint32_t NI_K[64] __attribute__((aligned(16))) = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be,
    0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa,
    0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85,
    0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
    0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
    0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

/* SHA extensions plus the SSSE3/SSE4.1 shuffles the kernels use. */
static int sha256_ni_available(void) {
  unsigned a, b, c, d;
  if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
  const int sse = (c & (1u << 9)) && (c & (1u << 19)); /* SSSE3, SSE4.1 */
  if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
  return sse && (b & (1u << 29)) != 0; /* SHA */
}

/* (a..h) in memory -> the (ABEF, CDGH) register pair, and back. */
NI_TARGET static inline void ni_load(const uint32_t *s, __m128i *abef, __m128i *cdgh) {
  const __m128i dcba = _mm_loadu_si128((const __m128i *)s);
  const __m128i hgfe = _mm_loadu_si128((const __m128i *)(s + 4));
  const __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
  const __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
  *abef = _mm_alignr_epi8(cdab, efgh, 8);
  *cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);
}

NI_TARGET static inline void ni_store(uint32_t *s, __m128i abef, __m128i cdgh) {
  const __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
  const __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
  _mm_storeu_si128((__m128i *)s, _mm_blend_epi16(feba, dchg, 0xF0));
  _mm_storeu_si128((__m128i *)(s + 4), _mm_alignr_epi8(dchg, feba, 8));
}

/* Big-endian words: the message is read as 32-bit big-endian integers. */
#define NI_BSWAP _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL)

/* Message words of group i (W[4i..4i+3]) into w[i & 3], from the four groups before it. */
#define NI_SCHEDULE(w, i)                                                                                                         \
  (w[(i)&3] = _mm_sha256msg2_epu32(                                                                                               \
       _mm_add_epi32(_mm_sha256msg1_epu32(w[(i)&3], w[((i) + 1) & 3]), _mm_alignr_epi8(w[((i) + 3) & 3], w[((i) + 2) & 3], 4)), \
       w[((i) + 3) & 3]))

NI_TARGET static void sha256_ni_x1(uint32_t state[8], const uint8_t *p, size_t blocks) {
  __m128i abef, cdgh;
  ni_load(state, &abef, &cdgh);
  const __m128i bswap = NI_BSWAP;
  for (; blocks; blocks--, p += 64) {
    const __m128i abef0 = abef, cdgh0 = cdgh;
    __m128i w[4];
#pragma GCC unroll 16
    for (int i = 0; i < 16; i++) {
      __m128i m = i < 4 ? (w[i & 3] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 16 * i)), bswap)) : NI_SCHEDULE(w, i);
      m = _mm_add_epi32(m, _mm_load_si128((const __m128i *)(NI_K + 4 * i)));
      cdgh = _mm_sha256rnds2_epu32(cdgh, abef, m);
      abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(m, 0x0E));
    }
    abef = _mm_add_epi32(abef, abef0);
    cdgh = _mm_add_epi32(cdgh, cdgh0);
  }
  ni_store(state, abef, cdgh);
}

/* Two streams of the same length, block by block in lockstep. The states are written back
 * only at the end, so an interrupted call leaves both as they were. */
NI_TARGET static void sha256_ni_x2(uint32_t sa[8], const uint8_t *p, uint32_t sb[8], const uint8_t *q, size_t blocks) {
  __m128i abef, cdgh, abef2, cdgh2;
  ni_load(sa, &abef, &cdgh);
  ni_load(sb, &abef2, &cdgh2);
  const __m128i bswap = NI_BSWAP;
  for (; blocks; blocks--, p += 64, q += 64) {
    const __m128i abef0 = abef, cdgh0 = cdgh, abef20 = abef2, cdgh20 = cdgh2;
    __m128i w[4], v[4];
#pragma GCC unroll 16
    for (int i = 0; i < 16; i++) {
      const __m128i k = _mm_load_si128((const __m128i *)(NI_K + 4 * i));
      __m128i m, n;
      if (i < 4) {
        m = w[i & 3] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 16 * i)), bswap);
        n = v[i & 3] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(q + 16 * i)), bswap);
      } else {
        m = NI_SCHEDULE(w, i);
        n = NI_SCHEDULE(v, i);
      }
      m = _mm_add_epi32(m, k);
      n = _mm_add_epi32(n, k);
      cdgh = _mm_sha256rnds2_epu32(cdgh, abef, m);
      cdgh2 = _mm_sha256rnds2_epu32(cdgh2, abef2, n);
      abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(m, 0x0E));
      abef2 = _mm_sha256rnds2_epu32(abef2, cdgh2, _mm_shuffle_epi32(n, 0x0E));
    }
    abef = _mm_add_epi32(abef, abef0);
    cdgh = _mm_add_epi32(cdgh, cdgh0);
    abef2 = _mm_add_epi32(abef2, abef20);
    cdgh2 = _mm_add_epi32(cdgh2, cdgh20);
  }
  ni_store(sa, abef, cdgh);
  ni_store(sb, abef2, cdgh2);
}

#else /* not x86-64: OpenSSL does all the hashing */

static int sha256_ni_available(void) { return 0; }
static void sha256_ni_x1(uint32_t state[8], const uint8_t *p, size_t blocks) {
  (void)state, (void)p, (void)blocks;
}
static void sha256_ni_x2(uint32_t sa[8], const uint8_t *p, uint32_t sb[8], const uint8_t *q, size_t blocks) {
  (void)sa, (void)p, (void)sb, (void)q, (void)blocks;
}

#endif
#endif
