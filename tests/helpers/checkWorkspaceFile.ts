/**
 * Prints, as JSON, what opening a file's checks say about it (null: nothing to object to). Run as
 * another user by tests that need one (root reads any file, so a file without read permission
 * cannot be tried as root).
 */
import { checkWorkspaceFile } from '../../src-main/db/fileChecks'

try {
  checkWorkspaceFile(process.argv[2])
  console.log('null')
} catch (e) {
  console.log(JSON.stringify(e))
}
