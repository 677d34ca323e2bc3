/*
 * modelsign's one native part: SHA-256 of many file ranges on native threads, hashed
 * straight out of the page cache through mmap.
 *
 * Why it exists (measured on the 2-core benchmark machine, docs/performance.md):
 * - read(2) copies every byte from the page cache into a buffer before it is hashed; for
 *   2 GiB that copy costs ~0.25 CPU-seconds on top of the ~1.2 the hash needs, which caps
 *   any read(2)-based tool at ~75% of the machine's SHA-256 limit. Node has no mmap.
 * - Node worker threads take ~30 ms of CPU each to boot a JavaScript environment before
 *   they hash a byte; plain threads start in microseconds.
 * Where the addon is not built (no compiler at install time) or MODELSIGN_NO_MMAP=1,
 * modelsign hashes through read(2) on worker threads with identical digests and checks.
 *
 * - A core with SHA extensions hashes one stream at ~1.75 GB/s here because each round
 *   instruction waits for the previous one (latency, not throughput, is the limit). Two
 *   independent streams interleaved on one core (two files, or two shards) keep the SHA unit
 *   busy: ~3.1 GB/s per core. Each thread therefore hashes two tasks at once, in lockstep,
 *   with the kernels in sha256_ni.h; a task left alone is hashed one stream at a time.
 * Without SHA extensions (or on other CPUs) the hash is OpenSSL's EVP SHA-256 from the node
 * binary itself (node exports its OpenSSL; node-gyp puts the headers on the include path),
 * so no library is linked.
 *
 * Each task is checked exactly as src/hashing/read.ts checks it (the JavaScript path); the
 * two are tested against the same cases:
 * - open with O_NOFOLLOW (unless the listing already resolved a link inside the model) and
 *   O_NONBLOCK (a FIFO swapped in must not block open); fstat: a regular file, the device
 *   and inode the listing saw, the size it saw;
 * - hash: ranges of MMAP_MIN bytes or more through mmap in WINDOW-sized windows (resident
 *   memory stays bounded whatever the file's size), the size re-checked before each
 *   window; smaller ranges through pread into one buffer per thread;
 * - fstat again: a size, mtime or ctime that moved means the bytes may mix two versions.
 * A file truncated while mapped makes the kernel raise SIGBUS on the access. A handler
 * returns control to the hashing code (siglongjmp), which reports the file as changed
 * instead of the process dying; faults it did not cause go to the previous handler or the
 * default action.
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <node_api.h>
#include <openssl/evp.h>

#include "sha256_ni.h"

/* 16 MiB windows: mmap/munmap cost nothing measurable at that size (64 MiB was no faster on
 * the benchmark), and two threads hold only ~32 MB of the file resident at once. */
#define WINDOW ((size_t)16 << 20)
/* Below this a range is read: for a few KiB, mmap + fault + munmap cost more than a copy. */
#define MMAP_MIN ((int64_t)256 << 10)
#define READ_BUF ((size_t)128 << 10)
#define MAX_THREADS 64

/* Outcome of one task; src/hashing/native.ts maps these to error codes and messages. */
enum {
  ST_OK = 0,
  ST_SYMLINK = 1,       /* open: ELOOP */
  ST_MISSING = 2,       /* open: ENOENT */
  ST_OPEN_FAILED = 3,   /* open: other errno */
  ST_SPECIAL = 4,       /* not a regular file */
  ST_REPLACED = 5,      /* another device/inode than listed */
  ST_SIZE_MOVED = 6,    /* size differs from the listing */
  ST_SHRANK = 7,        /* shorter than the range while hashing (incl. SIGBUS) */
  ST_CHANGED = 8,       /* size/mtime/ctime moved during the hash */
  ST_READ_FAILED = 9,   /* read/fstat errno */
  ST_HASH_FAILED = 10,  /* OpenSSL failed */
};

/* ------------------------------------------------------------------ SIGBUS recovery */

/* Per thread: the windows being read (two streams at most) and where to return on a fault. */
static __thread sigjmp_buf fault_jump;
static __thread volatile sig_atomic_t armed;
static __thread const char *volatile win_lo[2];
static __thread const char *volatile win_hi[2];
static __thread volatile int fault_in; /* 1 or 2: the stream whose window faulted */
static struct sigaction previous_bus;
static pthread_once_t handler_once = PTHREAD_ONCE_INIT;
static int handler_ok;

static void on_sigbus(int sig, siginfo_t *info, void *uctx) {
  const char *addr = info ? (const char *)info->si_addr : NULL;
  /* Only a fault the kernel raised (si_code > 0), not a SIGBUS sent by kill(). */
  if (armed && info && info->si_code > 0) {
    for (int k = 0; k < 2; k++) {
      if (addr >= win_lo[k] && addr < win_hi[k]) {
        armed = 0;
        fault_in = k + 1;
        siglongjmp(fault_jump, 1);
      }
    }
  }
  /* Not ours: behave as if this handler were not installed. */
  if (previous_bus.sa_flags & SA_SIGINFO) {
    if (previous_bus.sa_sigaction) {
      previous_bus.sa_sigaction(sig, info, uctx);
      return;
    }
  } else if (previous_bus.sa_handler != SIG_DFL && previous_bus.sa_handler != SIG_IGN) {
    previous_bus.sa_handler(sig);
    return;
  }
  /* Default action: restore it; a fault then recurs when the access runs again, and a
   * signal sent by kill() (no access to repeat) is raised again here. */
  signal(SIGBUS, SIG_DFL);
  if (!info || info->si_code <= 0) raise(SIGBUS);
}

static void install_handler(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_sigbus;
  sa.sa_flags = SA_SIGINFO;
  sigemptyset(&sa.sa_mask);
  handler_ok = sigaction(SIGBUS, &sa, &previous_bus) == 0;
}

/* ------------------------------------------------------------------ the hasher */

/* One SHA-256 stream: the SHA-extension kernels with a 64-byte tail buffer, or OpenSSL. */
typedef struct {
  EVP_MD_CTX *evp; /* non-NULL: OpenSSL does the work */
  uint32_t h[8];
  uint64_t len;
  uint8_t buf[64];
  size_t nbuf;
} hasher_t;

static const uint32_t SHA256_IV[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

static int h_init(hasher_t *h, EVP_MD_CTX *evp) {
  h->evp = evp;
  h->len = 0;
  h->nbuf = 0;
  memcpy(h->h, SHA256_IV, sizeof h->h);
  return evp ? EVP_DigestInit_ex(evp, EVP_sha256(), NULL) == 1 : 1;
}

static int h_update(hasher_t *h, const uint8_t *p, size_t n) {
  if (h->evp) return EVP_DigestUpdate(h->evp, p, n) == 1;
  h->len += n;
  if (h->nbuf) {
    const size_t take = n < 64 - h->nbuf ? n : 64 - h->nbuf;
    memcpy(h->buf + h->nbuf, p, take);
    h->nbuf += take;
    p += take;
    n -= take;
    if (h->nbuf < 64) return 1;
    sha256_ni_x1(h->h, h->buf, 1);
    h->nbuf = 0;
  }
  if (n >= 64) sha256_ni_x1(h->h, p, n / 64);
  memcpy(h->buf, p + (n & ~(size_t)63), n & 63);
  h->nbuf = n & 63;
  return 1;
}

static int h_final(hasher_t *h, unsigned char out[32]) {
  if (h->evp) {
    unsigned int len = 0;
    return EVP_DigestFinal_ex(h->evp, out, &len) == 1 && len == 32;
  }
  const uint64_t bits = h->len * 8;
  uint8_t pad[128] = {0x80};
  const size_t padlen = (h->nbuf < 56 ? 56 : 120) - h->nbuf;
  for (int k = 0; k < 8; k++) pad[padlen + k] = (uint8_t)(bits >> (56 - 8 * k));
  const uint64_t len = h->len;
  h_update(h, pad, padlen + 8);
  h->len = len;
  for (int k = 0; k < 8; k++) {
    out[4 * k] = (uint8_t)(h->h[k] >> 24);
    out[4 * k + 1] = (uint8_t)(h->h[k] >> 16);
    out[4 * k + 2] = (uint8_t)(h->h[k] >> 8);
    out[4 * k + 3] = (uint8_t)h->h[k];
  }
  return 1;
}

/* Which kernels this process uses; decided once. */
static int kernel_ni; /* 1: SHA extensions present */
static pthread_once_t kernel_once = PTHREAD_ONCE_INIT;
static void pick_kernel(void) { kernel_ni = sha256_ni_available(); }

/* ------------------------------------------------------------------ one batch */

/* Batch modes (tests and the benchmark compare them; the default is 0). */
#define MODE_OPENSSL 1  /* OpenSSL EVP for every stream, no SHA-extension kernels */
#define MODE_NO_PAIRS 2 /* SHA-extension kernels, one stream at a time */

typedef struct {
  /* inputs */
  size_t n;
  char **paths;
  double *start, *end, *size, *dev, *ino; /* ino NaN: no identity check */
  uint8_t *flags;                         /* bit 0: follow a final link; bit 1: (tests) no per-window size check */
  int threads;
  int mode;
  int64_t *counter;                       /* progress, raised atomically; may be NULL */
  int32_t *hook;                          /* tests: wait for *hook != 0 before the final fstat */
  napi_ref counters_ref, hook_ref;
  /* outputs */
  int32_t *status, *err;
  unsigned char *digest; /* n * 32 */
  /* shared */
  size_t next;
  napi_deferred deferred;
  napi_async_work work;
} batch_t;

static void add_progress(batch_t *b, int64_t n) {
  if (b->counter && n > 0) __atomic_fetch_add(b->counter, n, __ATOMIC_RELAXED);
}

/* One task being hashed by a thread. */
typedef struct {
  size_t i;
  int fd;
  struct stat before;
  int64_t pos, end;
  int mapped;         /* hashing through mmap windows (else pread) */
  int check_size;
  uint8_t *map;       /* current window: file bytes [map_off, map_off + map_len) */
  size_t map_len;
  int64_t map_off;
  int64_t win_end;    /* file offset where the current window's data ends */
  hasher_t h;
} stream_t;

static int open_task(batch_t *b, stream_t *s, size_t i, EVP_MD_CTX *evp, int *err) {
  memset(s, 0, sizeof *s);
  s->i = i;
  s->fd = -1;
  s->pos = (int64_t)b->start[i];
  s->end = (int64_t)b->end[i];
  s->win_end = s->pos;
  s->check_size = !(b->flags[i] & 2);
  const int follow = b->flags[i] & 1;
  const int fd = open(b->paths[i], O_RDONLY | O_NONBLOCK | O_CLOEXEC | (follow ? 0 : O_NOFOLLOW));
  if (fd < 0) {
    *err = errno;
    return errno == ELOOP ? ST_SYMLINK : errno == ENOENT ? ST_MISSING : ST_OPEN_FAILED;
  }
  s->fd = fd;
  if (fstat(fd, &s->before) != 0) {
    *err = errno;
    return ST_READ_FAILED;
  }
  if (!S_ISREG(s->before.st_mode)) return ST_SPECIAL;
  if (!isnan(b->ino[i]) && ((double)s->before.st_ino != b->ino[i] || (double)s->before.st_dev != b->dev[i])) return ST_REPLACED;
  if ((double)s->before.st_size != b->size[i]) return ST_SIZE_MOVED;
  if (!h_init(&s->h, evp)) return ST_HASH_FAILED;
  s->mapped = s->end - s->pos >= MMAP_MIN && handler_ok;
  return ST_OK;
}

static void unmap(stream_t *s) {
  if (s->map) munmap(s->map, s->map_len);
  s->map = NULL;
}

/* Map the next window. *done is set when the range is complete. A first mmap that fails
 * (a filesystem without mmap) switches the task to pread. */
static int next_window(stream_t *s, int *done, int *err) {
  const int first = s->map == NULL; /* no window mapped yet for this task */
  unmap(s);
  *done = s->pos >= s->end;
  if (*done) return ST_OK;
  const int64_t want_end = s->end - s->pos > (int64_t)WINDOW ? s->pos + (int64_t)WINDOW : s->end;
  if (s->check_size) {
    struct stat st;
    if (fstat(s->fd, &st) != 0) {
      *err = errno;
      return ST_READ_FAILED;
    }
    if (st.st_size < want_end) return ST_SHRANK;
  }
  const int64_t page = (int64_t)sysconf(_SC_PAGESIZE);
  const int64_t aligned = s->pos - s->pos % page; /* mmap offsets must be page-aligned */
  void *p = mmap(NULL, (size_t)(want_end - aligned), PROT_READ, MAP_SHARED, s->fd, (off_t)aligned);
  if (p == MAP_FAILED) {
    if (first) {
      s->mapped = 0;
      return ST_OK;
    }
    *err = errno;
    return ST_READ_FAILED;
  }
  s->map = p;
  s->map_len = (size_t)(want_end - aligned);
  s->map_off = aligned;
  s->win_end = want_end;
  return ST_OK;
}

static const uint8_t *at(const stream_t *s) { return s->map + (s->pos - s->map_off); }

/* Hash n bytes of one stream (k = 0) or of two in lockstep (n a multiple of 64), armed for
 * SIGBUS. Returns 0, or 1/2 for the stream whose window lost its pages (truncated file). A
 * fault in a pair leaves the other stream's state as it was before the call (the kernel
 * stores state only at the end), so that stream simply goes on from where it was. */
static int guarded(stream_t *a, stream_t *b2, size_t n, int *hash_ok) {
  if (sigsetjmp(fault_jump, 1) != 0) return fault_in;
  win_lo[0] = (const char *)a->map;
  win_hi[0] = (const char *)a->map + a->map_len;
  win_lo[1] = b2 ? (const char *)b2->map : NULL;
  win_hi[1] = b2 ? (const char *)b2->map + b2->map_len : NULL;
  fault_in = 0;
  armed = 1;
  __atomic_signal_fence(__ATOMIC_SEQ_CST);
  if (b2) {
    sha256_ni_x2(a->h.h, at(a), b2->h.h, at(b2), n / 64);
    a->h.len += n;
    b2->h.len += n;
    *hash_ok = 1;
  } else {
    *hash_ok = h_update(&a->h, at(a), n);
  }
  __atomic_signal_fence(__ATOMIC_SEQ_CST);
  armed = 0;
  win_lo[0] = win_hi[0] = win_lo[1] = win_hi[1] = NULL;
  return 0;
}

static int hash_by_read(batch_t *b, stream_t *s, unsigned char *buf, int *err) {
  while (s->pos < s->end) {
    const size_t want = s->end - s->pos < (int64_t)READ_BUF ? (size_t)(s->end - s->pos) : READ_BUF;
    const ssize_t n = pread(s->fd, buf, want, (off_t)s->pos);
    if (n < 0) {
      if (errno == EINTR) continue;
      *err = errno;
      return ST_READ_FAILED;
    }
    if (n == 0) return ST_SHRANK;
    if (!h_update(&s->h, buf, (size_t)n)) return ST_HASH_FAILED;
    add_progress(b, n);
    s->pos += n;
  }
  return ST_OK;
}

static int same_time(struct timespec a, struct timespec b) { return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec; }

static void wait_hook(batch_t *b) {
  /* Tests only: hold between the hash and the final fstat until told to go (at most 10 s). */
  const struct timespec ms = {0, 1000000};
  for (int i = 0; i < 10000 && !__atomic_load_n(b->hook, __ATOMIC_SEQ_CST); i++) nanosleep(&ms, NULL);
}

/* Close the task: digest, the after-check, the outcome. */
static void finish(batch_t *b, stream_t *s, int st, int err) {
  unmap(s);
  if (st == ST_OK && !h_final(&s->h, b->digest + 32 * s->i)) st = ST_HASH_FAILED;
  if (st == ST_OK && b->hook) wait_hook(b);
  if (st == ST_OK) {
    struct stat after;
    if (fstat(s->fd, &after) != 0) {
      err = errno;
      st = ST_READ_FAILED;
    } else if (after.st_size != s->before.st_size || !same_time(after.st_mtim, s->before.st_mtim) || !same_time(after.st_ctim, s->before.st_ctim)) {
      /* ctime too: mtime can be set back with utimes(), ctime cannot. */
      st = ST_CHANGED;
    }
  }
  if (s->fd >= 0) close(s->fd);
  s->fd = -1;
  b->status[s->i] = st;
  b->err[s->i] = err;
}

/* Fill a slot with the next task that needs mapped hashing; tasks that fail their checks or
 * that are read (small, or mmap refused) are completed here. Returns 0 when the queue is empty. */
static int take(batch_t *b, stream_t *s, EVP_MD_CTX *evp, unsigned char *buf) {
  for (;;) {
    const size_t i = __atomic_fetch_add(&b->next, 1, __ATOMIC_RELAXED);
    if (i >= b->n) return 0;
    int err = 0;
    int st = open_task(b, s, i, evp, &err);
    if (st == ST_OK && s->mapped) {
      int done = 0;
      st = next_window(s, &done, &err);
      if (st == ST_OK && done) { /* an empty range */
        finish(b, s, ST_OK, 0);
        continue;
      }
      if (st == ST_OK && s->mapped) return 1;
    }
    if (st == ST_OK) st = hash_by_read(b, s, buf, &err);
    finish(b, s, st, err);
  }
}

/* Advance a mapped stream whose window is used up. Returns 1 while it has more to hash. */
static int advance(batch_t *b, stream_t *s, unsigned char *buf) {
  int err = 0, done = 0;
  int st = next_window(s, &done, &err);
  if (st == ST_OK && !done && !s->mapped) st = hash_by_read(b, s, buf, &err), done = 1;
  if (st != ST_OK || done) {
    finish(b, s, st, err);
    return 0;
  }
  return 1;
}

static void *run_thread(void *arg) {
  batch_t *b = (batch_t *)arg;
  unsigned char *buf = malloc(READ_BUF);
  const int use_evp = (b->mode & MODE_OPENSSL) || !kernel_ni;
  const int pairs = !use_evp && !(b->mode & MODE_NO_PAIRS);
  EVP_MD_CTX *evp[2] = {use_evp ? EVP_MD_CTX_new() : NULL, use_evp ? EVP_MD_CTX_new() : NULL};
  if (!buf || (use_evp && (!evp[0] || !evp[1]))) {
    /* Out of memory: fail whatever this thread takes rather than hash it wrongly. */
    for (size_t i; (i = __atomic_fetch_add(&b->next, 1, __ATOMIC_RELAXED)) < b->n;) b->status[i] = ST_HASH_FAILED;
    goto out;
  }
  stream_t s[2];
  int live[2] = {0, 0};
  for (;;) {
    for (int k = 0; k < 2; k++) {
      if (!live[k] && (k == 0 || pairs)) live[k] = take(b, &s[k], evp[k], buf);
    }
    if (!live[0] && !live[1]) break;
    for (int k = 0; k < 2; k++) {
      if (live[k] && s[k].pos == s[k].win_end) live[k] = advance(b, &s[k], buf);
    }
    if (!live[0] && !live[1]) continue;
    const int64_t avail0 = live[0] ? s[0].win_end - s[0].pos : 0;
    const int64_t avail1 = live[1] ? s[1].win_end - s[1].pos : 0;
    int fault, ok = 1;
    if (live[0] && live[1] && s[0].h.nbuf == 0 && s[1].h.nbuf == 0 && avail0 >= 64 && avail1 >= 64) {
      const size_t n = (size_t)(avail0 < avail1 ? avail0 : avail1) & ~(size_t)63;
      fault = guarded(&s[0], &s[1], n, &ok);
      if (fault) {
        finish(b, &s[fault - 1], ST_SHRANK, 0);
        live[fault - 1] = 0;
        continue;
      }
      for (int k = 0; k < 2; k++) {
        s[k].pos += (int64_t)n;
        add_progress(b, (int64_t)n);
      }
      continue;
    }
    /* One stream alone, or a tail shorter than a block: hash what its window holds. */
    const int k = live[0] && (!live[1] || avail0 <= avail1) ? 0 : 1;
    const size_t n = (size_t)(k == 0 ? avail0 : avail1);
    fault = guarded(&s[k], NULL, n, &ok);
    if (fault || !ok) {
      finish(b, &s[k], fault ? ST_SHRANK : ST_HASH_FAILED, 0);
      live[k] = 0;
      continue;
    }
    s[k].pos += (int64_t)n;
    add_progress(b, (int64_t)n);
  }
out:
  EVP_MD_CTX_free(evp[0]);
  EVP_MD_CTX_free(evp[1]);
  free(buf);
  return NULL;
}

/* On a libuv pool thread: this thread plus threads-1 more take tasks from one queue, in the
 * order given (the engine sorts largest first), until none is left. */
static void execute(napi_env env, void *data) {
  (void)env;
  batch_t *b = (batch_t *)data;
  pthread_t tids[MAX_THREADS];
  int started = 0;
  for (int t = 1; t < b->threads && (size_t)t < b->n; t++) {
    if (pthread_create(&tids[started], NULL, run_thread, b) != 0) break;
    started++;
  }
  run_thread(b);
  for (int t = 0; t < started; t++) pthread_join(tids[t], NULL);
}

static void free_batch(napi_env env, batch_t *b) {
  if (b->paths) {
    for (size_t i = 0; i < b->n; i++) free(b->paths[i]);
    free(b->paths);
  }
  free(b->start);
  free(b->end);
  free(b->size);
  free(b->dev);
  free(b->ino);
  free(b->flags);
  free(b->status);
  free(b->err);
  free(b->digest);
  if (b->counters_ref) napi_delete_reference(env, b->counters_ref);
  if (b->hook_ref) napi_delete_reference(env, b->hook_ref);
  if (b->work) napi_delete_async_work(env, b->work);
  free(b);
}

static void complete(napi_env env, napi_status status, void *data) {
  batch_t *b = (batch_t *)data;
  napi_value result = NULL, v;
  if (status == napi_ok && napi_create_object(env, &result) == napi_ok &&
      napi_create_buffer_copy(env, b->n * sizeof(int32_t), b->status, NULL, &v) == napi_ok &&
      napi_set_named_property(env, result, "status", v) == napi_ok &&
      napi_create_buffer_copy(env, b->n * sizeof(int32_t), b->err, NULL, &v) == napi_ok &&
      napi_set_named_property(env, result, "errno", v) == napi_ok &&
      napi_create_buffer_copy(env, b->n * 32, b->digest, NULL, &v) == napi_ok &&
      napi_set_named_property(env, result, "digests", v) == napi_ok) {
    napi_resolve_deferred(env, b->deferred, result);
  } else {
    napi_value msg, err;
    napi_create_string_utf8(env, "native hashing failed", NAPI_AUTO_LENGTH, &msg);
    napi_create_error(env, NULL, msg, &err);
    napi_reject_deferred(env, b->deferred, err);
  }
  free_batch(env, b);
}

/* ------------------------------------------------------------------ arguments */

static napi_value fail(napi_env env, const char *msg) {
  napi_throw_type_error(env, "EARG", msg);
  return NULL;
}

static int copy_doubles(napi_env env, napi_value arr, size_t n, double **out) {
  napi_typedarray_type type;
  size_t len;
  void *data;
  bool is_ta = false;
  if (napi_is_typedarray(env, arr, &is_ta) != napi_ok || !is_ta) return 0;
  if (napi_get_typedarray_info(env, arr, &type, &len, &data, NULL, NULL) != napi_ok) return 0;
  if (type != napi_float64_array || len != n) return 0;
  *out = malloc(n ? n * sizeof(double) : 1);
  if (!*out) return 0;
  memcpy(*out, data, n * sizeof(double));
  return 1;
}

static int typed_pointer(napi_env env, napi_value v, napi_typedarray_type want, size_t min_len, void **out, napi_ref *ref) {
  napi_valuetype t;
  if (napi_typeof(env, v, &t) != napi_ok) return 0;
  if (t == napi_undefined || t == napi_null) return 1;
  napi_typedarray_type type;
  size_t len;
  bool is_ta = false;
  if (napi_is_typedarray(env, v, &is_ta) != napi_ok || !is_ta) return 0;
  if (napi_get_typedarray_info(env, v, &type, &len, out, NULL, NULL) != napi_ok) return 0;
  if (type != want || len < min_len) return 0;
  /* Keep the array (and its memory) alive while the threads write to it. */
  return napi_create_reference(env, v, 1, ref) == napi_ok;
}

/*
 * hashFiles(paths, start, end, size, dev, ino, flags, threads, counters?, slot?, hook?, mode?)
 *   -> Promise<{ status: Buffer(int32 x n), errno: Buffer(int32 x n), digests: Buffer(32 x n) }>
 * start/end/size/dev/ino: Float64Array (ino NaN: no identity check); flags: Uint8Array.
 * counters: BigInt64Array, counters[slot] raised by bytes hashed; hook: Int32Array (tests);
 * mode: 0, or MODE_OPENSSL / MODE_NO_PAIRS (tests and the benchmark).
 */
static napi_value hash_files(napi_env env, napi_callback_info info) {
  size_t argc = 12;
  napi_value argv[12];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 8) return fail(env, "hashFiles: too few arguments");
  pthread_once(&handler_once, install_handler);
  pthread_once(&kernel_once, pick_kernel);

  batch_t *b = calloc(1, sizeof *b);
  if (!b) return fail(env, "out of memory");
  uint32_t n;
  bool is_arr = false;
  if (napi_is_array(env, argv[0], &is_arr) != napi_ok || !is_arr || napi_get_array_length(env, argv[0], &n) != napi_ok) {
    free(b);
    return fail(env, "hashFiles: paths must be an array");
  }
  b->n = n;
  b->paths = calloc(n ? n : 1, sizeof(char *));
  b->status = calloc(n ? n : 1, sizeof(int32_t));
  b->err = calloc(n ? n : 1, sizeof(int32_t));
  b->digest = calloc(n ? n : 1, 32);
  const char *bad = NULL;
  if (!b->paths || !b->status || !b->err || !b->digest) bad = "out of memory";
  /* A task that somehow got no outcome must never read as OK (0). */
  for (uint32_t i = 0; !bad && i < n; i++) b->status[i] = ST_HASH_FAILED;
  for (uint32_t i = 0; !bad && i < n; i++) {
    napi_value s;
    size_t len;
    if (napi_get_element(env, argv[0], i, &s) != napi_ok || napi_get_value_string_utf8(env, s, NULL, 0, &len) != napi_ok) {
      bad = "hashFiles: paths must be strings";
      break;
    }
    b->paths[i] = malloc(len + 1);
    if (!b->paths[i] || napi_get_value_string_utf8(env, s, b->paths[i], len + 1, &len) != napi_ok) bad = "out of memory";
    else if (strlen(b->paths[i]) != len) bad = "hashFiles: a path holds a NUL byte";
  }
  if (!bad && !(copy_doubles(env, argv[1], n, &b->start) && copy_doubles(env, argv[2], n, &b->end) && copy_doubles(env, argv[3], n, &b->size) &&
                copy_doubles(env, argv[4], n, &b->dev) && copy_doubles(env, argv[5], n, &b->ino)))
    bad = "hashFiles: start, end, size, dev, ino must be Float64Arrays of the paths' length";
  if (!bad) {
    napi_typedarray_type type;
    size_t len;
    void *data;
    bool is_ta = false;
    if (napi_is_typedarray(env, argv[6], &is_ta) != napi_ok || !is_ta || napi_get_typedarray_info(env, argv[6], &type, &len, &data, NULL, NULL) != napi_ok ||
        type != napi_uint8_array || len != n || !(b->flags = malloc(n ? n : 1)))
      bad = "hashFiles: flags must be a Uint8Array of the paths' length";
    else memcpy(b->flags, data, n);
  }
  for (uint32_t i = 0; !bad && i < n; i++) {
    /* Whole numbers, start <= end <= the expected size: a range past the end of the file
     * would otherwise read zeros from the last page's slack. */
    if (!(b->start[i] >= 0 && b->end[i] >= b->start[i] && b->end[i] <= b->size[i] && b->size[i] <= 9007199254740991.0 &&
          floor(b->start[i]) == b->start[i] && floor(b->end[i]) == b->end[i] && floor(b->size[i]) == b->size[i]))
      bad = "hashFiles: bad range";
  }
  int32_t threads = 0;
  if (!bad && (napi_get_value_int32(env, argv[7], &threads) != napi_ok || threads < 1)) bad = "hashFiles: threads must be a positive integer";
  b->threads = threads > MAX_THREADS ? MAX_THREADS : threads;
  if (!bad && argc >= 10) {
    void *p = NULL;
    uint32_t slot = 0;
    napi_valuetype t = napi_undefined;
    if (napi_typeof(env, argv[8], &t) != napi_ok) bad = "hashFiles: bad counters";
    else if (t != napi_undefined && t != napi_null && napi_get_value_uint32(env, argv[9], &slot) != napi_ok) bad = "hashFiles: bad slot";
    else if (!typed_pointer(env, argv[8], napi_bigint64_array, (size_t)slot + 1, &p, &b->counters_ref)) bad = "hashFiles: counters must be a BigInt64Array holding the slot";
    else if (p) b->counter = (int64_t *)p + slot;
  }
  if (!bad && argc >= 11) {
    void *p = NULL;
    if (!typed_pointer(env, argv[10], napi_int32_array, 1, &p, &b->hook_ref)) bad = "hashFiles: hook must be an Int32Array";
    else b->hook = (int32_t *)p;
  }
  if (!bad && argc >= 12) {
    napi_valuetype t = napi_undefined;
    if (napi_typeof(env, argv[11], &t) != napi_ok) bad = "hashFiles: bad mode";
    else if (t != napi_undefined && napi_get_value_int32(env, argv[11], &b->mode) != napi_ok) bad = "hashFiles: mode must be an integer";
  }
  if (bad) {
    free_batch(env, b);
    return fail(env, bad);
  }
  napi_value promise, name;
  if (napi_create_promise(env, &b->deferred, &promise) != napi_ok || napi_create_string_utf8(env, "modelsign:hashFiles", NAPI_AUTO_LENGTH, &name) != napi_ok ||
      napi_create_async_work(env, NULL, name, execute, complete, b, &b->work) != napi_ok || napi_queue_async_work(env, b->work) != napi_ok) {
    if (b->deferred) {
      /* Settle the promise made above so nothing waits on it, then report the failure. */
      napi_value msg, err;
      napi_create_string_utf8(env, "hashFiles: cannot start the work", NAPI_AUTO_LENGTH, &msg);
      napi_create_error(env, NULL, msg, &err);
      napi_reject_deferred(env, b->deferred, err);
    }
    free_batch(env, b);
    return fail(env, "hashFiles: cannot start the work");
  }
  return promise;
}

NAPI_MODULE_INIT() {
  napi_value fn, v;
  if (napi_create_function(env, "hashFiles", NAPI_AUTO_LENGTH, hash_files, NULL, &fn) != napi_ok) return NULL;
  if (napi_set_named_property(env, exports, "hashFiles", fn) != napi_ok) return NULL;
  pthread_once(&kernel_once, pick_kernel);
  const char *kernel = kernel_ni ? "sha-ni" : "openssl";
  if (napi_create_string_utf8(env, kernel, NAPI_AUTO_LENGTH, &v) != napi_ok || napi_set_named_property(env, exports, "kernel", v) != napi_ok) return NULL;
  return exports;
}
