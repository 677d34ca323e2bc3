/** One-line display of untrusted text (shared with the policy's messages). */
export { clean } from '../util/one-line.js';
