// The web version is served by the API server itself: same origin, relative URLs.
import type { ApiBase } from './types'

export const apiBase: ApiBase = ''
