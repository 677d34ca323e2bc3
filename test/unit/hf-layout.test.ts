/** The hub cache's names and paths, and hf:// references, as pure logic. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRepoBlob, namedBySha256, parseHfReference, parseRepoFolder, repoFolderName, revisionProblem, snapshotPlace } from '../../src/source/hf-layout.js';
import { hubCacheDir } from '../../src/settings.js';

const C = '0123456789abcdef0123456789abcdef01234567';

describe('repo folders', () => {
  it('name a repo as huggingface_hub does, and read the name back', () => {
    expect(repoFolderName({ type: 'model', id: 'julien-c/EsperBERTo-small' })).toBe('models--julien-c--EsperBERTo-small');
    expect(repoFolderName({ type: 'dataset', id: 'org/data' })).toBe('datasets--org--data');
    expect(repoFolderName({ type: 'model', id: 'gpt2' })).toBe('models--gpt2');
    expect(parseRepoFolder('models--julien-c--EsperBERTo-small')).toEqual({ type: 'model', id: 'julien-c/EsperBERTo-small' });
    expect(parseRepoFolder('spaces--a--b')).toEqual({ type: 'space', id: 'a/b' });
    expect(parseRepoFolder('models--gpt2')).toEqual({ type: 'model', id: 'gpt2' });
  });

  it('are not folders of other names', () => {
    for (const n of ['blobs', '.locks', 'models', 'models--', 'models--a--b--c', 'widgets--a--b', 'models--.a--b', 'models--a--b.', 'constructor--a--b', 'models--a/b--c']) {
      expect(parseRepoFolder(n), n).toBeUndefined();
    }
  });
});

describe('snapshotPlace', () => {
  it('finds the repo, revision and sub-folder of a path inside a snapshot', () => {
    const cache = path.join(path.sep, 'home', 'u', '.cache', 'huggingface', 'hub');
    const repoDir = path.join(cache, 'models--acme--tiny');
    expect(snapshotPlace(path.join(repoDir, 'snapshots', C))).toEqual({ cacheRoot: cache, repoDir, repo: { type: 'model', id: 'acme/tiny' }, revision: C, sub: '' });
    expect(snapshotPlace(path.join(repoDir, 'snapshots', C, 'unet', 'x'))).toMatchObject({ revision: C, sub: 'unet/x' });
  });

  it('is undefined for any other directory', () => {
    expect(snapshotPlace(path.join(path.sep, 'models', 'tiny'))).toBeUndefined();
    expect(snapshotPlace(path.join(path.sep, 'c', 'models--acme--tiny', 'snapshots'))).toBeUndefined();
    expect(snapshotPlace(path.join(path.sep, 'c', 'models--acme--tiny', 'blobs', C))).toBeUndefined();
    expect(snapshotPlace(path.join(path.sep, 'c', 'not-a-repo', 'snapshots', C))).toBeUndefined();
  });
});

describe('parseHfReference', () => {
  it('takes HfFileSystem\'s form: a repo id, an optional type prefix and revision', () => {
    expect(parseHfReference('hf://acme/tiny')).toEqual({ repo: { type: 'model', id: 'acme/tiny' }, revision: undefined });
    expect(parseHfReference('hf://acme/tiny/')).toEqual({ repo: { type: 'model', id: 'acme/tiny' }, revision: undefined });
    expect(parseHfReference('hf://gpt2@v1.0')).toEqual({ repo: { type: 'model', id: 'gpt2' }, revision: 'v1.0' });
    expect(parseHfReference(`hf://acme/tiny@${C}`)).toMatchObject({ revision: C });
    expect(parseHfReference('hf://acme/tiny@refs%2Fpr%2F1')).toMatchObject({ revision: 'refs/pr/1' });
    expect(parseHfReference('hf://acme/tiny@refs/pr/1')).toMatchObject({ revision: 'refs/pr/1' });
    expect(parseHfReference('hf://datasets/org/data@main')).toEqual({ repo: { type: 'dataset', id: 'org/data' }, revision: 'main' });
    expect(parseHfReference('hf://datasets')).toEqual({ repo: { type: 'model', id: 'datasets' }, revision: undefined });
  });

  it('says why a reference names no repo', () => {
    const why = (r: string) => parseHfReference(r) as string;
    expect(why('https://huggingface.co/acme/tiny')).toBe('it does not start with hf://');
    expect(why('hf://acme/tiny/config.json')).toMatch(/^a path inside the repo is not a model/);
    expect(why('hf://acme--x/tiny')).toMatch(/is not a Hugging Face repo id/);
    expect(why('hf://acme/ti..ny')).toMatch(/is not a Hugging Face repo id/);
    expect(why('hf://')).toMatch(/is not a Hugging Face repo id/);
    expect(why('hf://acme/tiny@')).toBe('the revision after "@" is empty');
    expect(why('hf://acme/tiny@%E0%A4%A')).toBe('the revision is not valid URL encoding');
    expect(why('hf://acme/tiny@..%2F..%2Fsnapshots')).toBe('the revision is not a ref or commit hash (".." segment)');
    expect(why('hf://acme/tiny@/etc/passwd')).toBe('the revision is not a ref or commit hash (absolute path)');
    expect(why(`hf://acme/tiny@${'x'.repeat(300)}`)).toBe('the revision is longer than 256 characters');
    expect(revisionProblem('main')).toBeUndefined();
  });
});

describe('blobs', () => {
  it('a blob is a file directly in the repo\'s blobs/ or in a folder of the shared store', () => {
    const blobs = '/c/models--a--b/blobs';
    const shared = '/c/blobs';
    expect(isRepoBlob(`${blobs}/${C}`, blobs, shared)).toBe(true);
    expect(isRepoBlob('/c/blobs/ab/abcdef', blobs, shared)).toBe(true);
    expect(isRepoBlob('/c/blobs/abcdef', blobs, shared)).toBe(false);
    expect(isRepoBlob('/c/blobs/ab/cd/ef', blobs, shared)).toBe(false);
    expect(isRepoBlob(`${blobs}/sub/${C}`, blobs, shared)).toBe(false);
    expect(isRepoBlob(`/c/models--x--y/blobs/${C}`, blobs, shared)).toBe(false);
    expect(isRepoBlob('/etc/passwd', blobs, shared)).toBe(false);
  });

  it('LFS blobs are named by a sha256, small files by a git sha1', () => {
    expect(namedBySha256('a'.repeat(64))).toBe(true);
    expect(namedBySha256(C)).toBe(false);
    expect(namedBySha256('A'.repeat(64))).toBe(false);
  });
});

describe('the CLI finds the hub cache as huggingface_hub does', () => {
  it('HF_HUB_CACHE, HUGGINGFACE_HUB_CACHE, HF_HOME/hub, XDG_CACHE_HOME/huggingface/hub, ~/.cache/huggingface/hub', () => {
    const home = (p: string) => path.join(process.env.HOME ?? '', p);
    expect(hubCacheDir({ HF_HUB_CACHE: '/a', HUGGINGFACE_HUB_CACHE: '/b', HF_HOME: '/c' })).toBe('/a');
    expect(hubCacheDir({ HUGGINGFACE_HUB_CACHE: '/b', HF_HOME: '/c' })).toBe('/b');
    expect(hubCacheDir({ HF_HOME: '/c', XDG_CACHE_HOME: '/x' })).toBe('/c/hub');
    expect(hubCacheDir({ XDG_CACHE_HOME: '/x' })).toBe('/x/huggingface/hub');
    expect(hubCacheDir({})).toBe(home('.cache/huggingface/hub'));
    expect(hubCacheDir({ HF_HUB_CACHE: '', HF_HOME: '~/hf' })).toBe(home('hf/hub'));
  });
});
