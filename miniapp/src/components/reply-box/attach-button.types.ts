// The "add attachment" control differs by platform: WeChat picks images (chooseMedia) or files from
// chats (chooseMessageFile); the web version uses a file input. Both hand back picked files.
import type { PickedFile } from '../../platform/types'

export interface AttachButtonProps {
  disabled: boolean
  /** How many more files the reply may carry. */
  remaining: number
  onPicked: (files: PickedFile[]) => void
}

/** File name extensions of the types Amazon accepts (the server still decides by content). */
export const ATTACHMENT_EXTENSIONS = ['txt', 'pdf', 'doc', 'docx', 'jpg', 'jpeg', 'gif', 'png']
