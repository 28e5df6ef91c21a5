// Error responses every route may produce, for the OpenAPI document.
import { ErrorResponse } from '@sellerinbox/shared/api/common'

export const publicErrors = { 400: ErrorResponse, 404: ErrorResponse, 410: ErrorResponse, 429: ErrorResponse, 503: ErrorResponse }
export const userErrors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse }
