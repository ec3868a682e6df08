// print-main.tsx (owned by the print work) still reads the hash from here; point it at
// ../platform/router and delete this file once that work has landed.
export { parseHash } from '../platform/router'
