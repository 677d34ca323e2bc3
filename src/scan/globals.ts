/**
 * Which imported globals a weights pickle may use.
 *
 * Loading a pickle calls whatever globals it names. A tensor checkpoint needs only a few:
 * torch's rebuild helpers and storage classes, OrderedDict, numpy's array reconstructors.
 * Those are allowed - by exact name, checked first. Modules and callables known to reach the
 * shell, files, network, the interpreter or another unpickler are dangerous (critical).
 * Everything else is unknown (medium): not proof of an attack (a full-model pickle names its
 * own classes), but not something weights need. The deny-list only sharpens the severity;
 * what keeps a scanner bypass out is that nothing off the allow-list passes silently (every
 * published bypass of deny-list scanners - a stdlib function that runs a command, an
 * attribute getter, a module resolver - is at least medium here, and those known are critical).
 *
 * Names are matched on the full dotted path, because protocol 4 resolves dotted names by
 * attribute lookup: module "torch" with name "os.system" reaches os.system through torch's
 * own import of os. So any path segment that is a dangerous module, a dangerous builtin or a
 * dunder attribute makes the whole global dangerous.
 */

/** Python 2 module names the unpickler maps to Python 3 ones (fix_imports, protocols 0-2). */
const PY2_MODULES: Record<string, string> = {
  __builtin__: 'builtins', copy_reg: 'copyreg', exceptions: 'builtins', Queue: 'queue', SocketServer: 'socketserver',
  ConfigParser: 'configparser', repr: 'reprlib', _winreg: 'winreg', thread: '_thread', dummy_thread: '_dummy_thread',
  dbhash: 'dbm.bsd', dumbdbm: 'dbm.dumb', dbm: 'dbm.ndbm', gdbm: 'dbm.gnu', anydbm: 'dbm', whichdb: 'dbm',
  xmlrpclib: 'xmlrpc.client', SimpleXMLRPCServer: 'xmlrpc.server', DocXMLRPCServer: 'xmlrpc.server', httplib: 'http.client',
  htmlentitydefs: 'html.entities', HTMLParser: 'html.parser', Cookie: 'http.cookies', cookielib: 'http.cookiejar',
  BaseHTTPServer: 'http.server', SimpleHTTPServer: 'http.server', CGIHTTPServer: 'http.server', commands: 'subprocess',
  urlparse: 'urllib.parse', robotparser: 'urllib.robotparser', urllib2: 'urllib.request', cPickle: 'pickle',
  cStringIO: 'io', StringIO: 'io', UserDict: 'collections', UserList: 'collections', UserString: 'collections',
  _abcoll: 'collections.abc', 'test.test_support': 'test.support', _socket: 'socket', _elementtree: 'xml.etree.ElementTree',
};

/** Python 2 names the unpickler maps to another module's (the ones that change a verdict). */
const PY2_NAMES: Record<string, string> = {
  'builtins.reduce': 'functools.reduce', 'builtins.intern': 'sys.intern', 'builtins.execfile': 'builtins.exec',
  'urllib.urlopen': 'urllib.request.urlopen', 'urllib.urlretrieve': 'urllib.request.urlretrieve',
  'urllib.URLopener': 'urllib.request.URLopener', 'urllib.FancyURLopener': 'urllib.request.FancyURLopener',
  'urllib.pathname2url': 'urllib.request.pathname2url', 'urllib.url2pathname': 'urllib.request.url2pathname',
};

const TORCH_REBUILD = [
  '_rebuild_tensor', '_rebuild_tensor_v2', '_rebuild_tensor_v3', '_rebuild_parameter', '_rebuild_parameter_with_state',
  '_rebuild_sparse_tensor', '_rebuild_sparse_csr_tensor', '_rebuild_qtensor', '_rebuild_nested_tensor',
  '_rebuild_device_tensor_from_numpy', '_rebuild_meta_tensor_no_storage', '_rebuild_device_tensor_from_cpu_tensor',
];

const TORCH_DTYPES = [
  'float16', 'float32', 'float64', 'bfloat16', 'half', 'float', 'double', 'complex32', 'complex64', 'complex128', 'cfloat', 'cdouble',
  'uint8', 'uint16', 'uint32', 'uint64', 'int8', 'int16', 'int32', 'int64', 'short', 'int', 'long', 'bool',
  'float8_e4m3fn', 'float8_e5m2', 'float8_e4m3fnuz', 'float8_e5m2fnuz', 'qint8', 'quint8', 'qint32', 'quint4x2',
  'contiguous_format', 'channels_last', 'channels_last_3d', 'preserve_format',
];

const ALLOWED = new Set<string>([
  ...TORCH_REBUILD.map((n) => `torch._utils.${n}`),
  ...TORCH_DTYPES.map((n) => `torch.${n}`),
  'torch.Size', 'torch.device', 'torch.Tensor', 'torch.nn.parameter.Parameter', 'torch._tensor._rebuild_from_type_v2',
  'torch.serialization._get_layout', 'torch.sparse_coo', 'torch.strided',
  // TorchScript archives rebuild lists and tensors with these.
  'torch.jit._pickle.build_intlist', 'torch.jit._pickle.build_doublelist', 'torch.jit._pickle.build_boollist',
  'torch.jit._pickle.build_tensorlist', 'torch.jit._pickle.build_tensor_from_id', 'torch.jit._pickle.restore_type_tag',
  'collections.OrderedDict',
  'builtins.set', 'builtins.frozenset', 'builtins.dict', 'builtins.list', 'builtins.tuple', 'builtins.bytearray',
  'builtins.bytes', 'builtins.str', 'builtins.int', 'builtins.float', 'builtins.complex', 'builtins.bool', 'builtins.slice',
  'builtins.object',
  '_codecs.encode', // protocol 2 writes bytes as _codecs.encode(str, "latin1")
  'copyreg._reconstructor', // protocol 0/1 object rebuild; the class it builds is checked on its own
  'numpy.core.multiarray._reconstruct', 'numpy._core.multiarray._reconstruct',
  'numpy.core.multiarray.scalar', 'numpy._core.multiarray.scalar',
  'numpy.core.numeric._frombuffer', 'numpy._core.numeric._frombuffer',
  'numpy.dtype', 'numpy.ndarray',
  'joblib.numpy_pickle.NumpyArrayWrapper', 'sklearn.externals.joblib.numpy_pickle.NumpyArrayWrapper',
]);

/** torch.FloatStorage, torch.BFloat16Storage, torch.UntypedStorage, ... */
const TORCH_STORAGE = /^torch\.(?:cuda\.)?[A-Za-z0-9]*Storage$/;
/** numpy scalar dtype classes: numpy.dtypes.Float32DType, ... */
const NUMPY_DTYPE_CLASS = /^numpy\.dtypes\.[A-Za-z0-9]+DType$/;

/** Modules whose every member is dangerous (shell, files, network, interpreter, unpicklers). */
const DANGEROUS_MODULES = [
  // Published scanner bypasses (docs/scanning.md lists the advisory of each).
  'functools', 'operator', '_operator', 'pydoc', 'uuid', '_osx_support', '_aix_support', '_pyrepl', 'lib2to3',
  'idlelib', 'test', 'unittest', 'logging', 'linecache', 'difflib', '_posixsubprocess', 'atexit', '_signal', 'compileall',
  'py_compile', 'selectors', '_sqlite3', 'pipes', '_interpreters', '_xxsubinterpreters', '_frozen_importlib',
  '_frozen_importlib_external', '_imp', 'nntplib', 'smtpd', 'cgi', 'cgitb', 'codecs', 'dbm', 'huggingface_hub',
  'torch.fx', 'torch.utils.collect_env', 'torch.utils.data.datapipes', 'torch.utils._config_module', 'torch.utils.bottleneck',
  'torch.jit', 'torch._inductor', 'torch.serialization', 'torch.package', 'numpy.lib.npyio', 'numpy.lib._npyio_impl',
  'numpy.lib.format', 'pandas.io',
  'os', 'posix', 'nt', 'posixpath', 'ntpath', 'subprocess', 'pty', 'sys', 'socket', 'ssl', 'shutil', 'runpy', 'importlib',
  'imp', 'pkgutil', 'zipimport', 'pickle', '_pickle', 'cPickle', 'pickletools', 'marshal', 'dill', 'cloudpickle', 'joblib.load',
  'shelve', 'types', 'code', 'codeop', 'ctypes', '_ctypes', 'cffi', 'multiprocessing', 'concurrent', 'threading', '_thread',
  'asyncio', 'signal', 'resource', 'webbrowser', 'requests', 'urllib', 'urllib2', 'urllib3', 'httplib', 'http', 'httpx',
  'aiohttp', 'ftplib', 'smtplib', 'telnetlib', 'poplib', 'imaplib', 'xmlrpc', 'socketserver', 'commands', 'pdb', 'bdb',
  'timeit', 'cProfile', 'profile', 'trace', 'doctest', 'io', '_io', 'tempfile', 'glob', 'fileinput', 'pathlib', 'sqlite3',
  'builtins.eval', 'operator.attrgetter', 'operator.methodcaller', 'gc', 'inspect', 'site', 'sysconfig', 'venv', 'ensurepip',
  'pip', 'setuptools', 'distutils', 'platform', 'uuid._popen', 'torch.hub', 'torch.load', 'torch.storage._load_from_bytes',
  'torch.serialization.load', 'torch.jit.load', 'torch.jit._load_for_lite_interpreter', 'torch._dynamo', 'torch.utils.cpp_extension', 'numpy.load', 'numpy.testing',
  'numpy.f2py', 'numpy.distutils', 'numpy.ctypeslib', 'pandas.read_pickle', 'keras.models', 'tensorflow.io', 'bz2', 'lzma',
  'gzip', 'zipfile', 'tarfile', 'mmap', 'fcntl', 'termios', 'tty', 'pwd', 'grp', 'crypt', 'spwd', 'syslog', 'select',
];

/** Builtins that evaluate code, open files or reach any attribute. */
const DANGEROUS_BUILTINS = new Set([
  'eval', 'exec', 'execfile', 'compile', 'open', 'file', 'getattr', 'setattr', 'delattr', 'hasattr', '__import__',
  'globals', 'locals', 'vars', 'input', 'raw_input', 'breakpoint', 'apply', 'reload', 'help', 'memoryview', 'exit', 'quit',
]);

/** Names that are dangerous wherever they appear in a dotted path. */
const DANGEROUS_SEGMENTS = new Set([
  'os', 'posix', 'nt', 'subprocess', 'sys', 'socket', 'shutil', 'runpy', 'importlib', 'pickle', 'marshal', 'builtins',
  '__builtin__', '__builtins__', 'system', 'popen', 'spawn', 'execv', 'execve', 'execl', 'execvp', 'fork', 'eval', 'exec',
  'compile', 'getattr', 'setattr', '__import__', 'import_module', 'load', 'loads', 'open',
]);

export type Verdict = 'allowed' | 'dangerous' | 'unknown';

export function canonicalModule(module: string): string {
  const whole = PY2_MODULES[module];
  if (whole !== undefined) return whole;
  const first = module.split('.')[0]!;
  const mapped = PY2_MODULES[first];
  return mapped === undefined ? module : mapped + module.slice(first.length);
}

function underPrefix(full: string, prefix: string): boolean {
  return full === prefix || full.startsWith(`${prefix}.`);
}

/** Classify module.name; `why` is a short reason for dangerous ones. */
export function classifyGlobal(module: string, name: string): { verdict: Verdict; why?: string } {
  const mod = canonicalModule(module);
  const full = PY2_NAMES[`${mod}.${name}`] ?? `${mod}.${name}`;
  if (ALLOWED.has(full) || TORCH_STORAGE.test(full) || NUMPY_DTYPE_CLASS.test(full)) return { verdict: 'allowed' };
  for (const m of DANGEROUS_MODULES) if (underPrefix(full, m)) return { verdict: 'dangerous', why: `${m} is on the deny-list` };
  const segs = full.split('.');
  if (segs[0] === 'builtins' && segs.length >= 2 && DANGEROUS_BUILTINS.has(segs[1]!)) return { verdict: 'dangerous', why: `builtin ${segs[1]} can run code or reach any object` };
  for (const s of segs.slice(1)) {
    if (DANGEROUS_SEGMENTS.has(s)) return { verdict: 'dangerous', why: `reaches "${s}" through attribute lookup` };
    if (/^__.*__$/.test(s)) return { verdict: 'dangerous', why: `reaches the dunder attribute ${s}` };
  }
  if (name === '' || module === '' || !/^[A-Za-z_][A-Za-z0-9_.]*$/.test(module) || !/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name)) {
    return { verdict: 'dangerous', why: 'not a valid Python name' };
  }
  return { verdict: 'unknown' };
}
