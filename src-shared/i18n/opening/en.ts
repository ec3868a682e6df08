/** The progress shown while a workspace opens or is created (its open-time work runs off the main thread). */
export const openingEn = {
  'opening.title.open': 'Opening {name}…',
  'opening.title.create': 'Creating {name}…',
  'opening.stage.checking': 'Checking the file for damage',
  'opening.stage.backingUp': 'Making a backup copy before updating it',
  'opening.stage.migrating': 'Updating the file for this version of CX Desk ({done} of {total})',
  'opening.stage.updating': 'Updating search and sentiment',
  'opening.stage.creating': 'Building the workspace',
  'opening.note': 'Cancel stops at the next safe point: the file stays whole.',
  'opening.cancelling': 'Cancelling…',
}
