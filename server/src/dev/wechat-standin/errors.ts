// WeChat API error codes and their errmsg texts as the stand-in answers them (HTTP 200 with
// {errcode, errmsg}, like WeChat). Real WeChat appends " rid: …" to errmsg; the stand-in does not.

export const WX = {
  BUSY: -1,
  INVALID_CREDENTIAL: 40001,
  INVALID_GRANT_TYPE: 40002,
  INVALID_OPENID: 40003,
  INVALID_APPID: 40013,
  INVALID_CODE: 40029,
  INVALID_TEMPLATE_ID: 40037,
  INVALID_APPSECRET: 40125,
  CODE_BEEN_USED: 40163,
  HIGH_RISK_USER: 40226,
  ACCESS_TOKEN_MISSING: 41001,
  APPID_MISSING: 41002,
  APPSECRET_MISSING: 41004,
  CODE_MISSING: 41008,
  INVALID_PAGE: 41030,
  ACCESS_TOKEN_EXPIRED: 42001,
  REQUIRE_GET: 43001,
  REQUIRE_POST: 43002,
  USER_REFUSED: 43101,
  DAILY_QUOTA: 45009,
  MINUTE_QUOTA: 45011,
  DATA_FORMAT: 47001,
  ARGUMENT_INVALID: 47003,
} as const

const MESSAGES: Record<number, string> = {
  [WX.BUSY]: 'system error',
  [WX.INVALID_CREDENTIAL]: 'invalid credential, access_token is invalid or not latest',
  [WX.INVALID_GRANT_TYPE]: 'invalid grant_type',
  [WX.INVALID_OPENID]: 'invalid openid',
  [WX.INVALID_APPID]: 'invalid appid',
  [WX.INVALID_CODE]: 'invalid code',
  [WX.INVALID_TEMPLATE_ID]: 'invalid template_id',
  [WX.INVALID_APPSECRET]: 'invalid appsecret',
  [WX.CODE_BEEN_USED]: 'code been used',
  [WX.HIGH_RISK_USER]: 'high risk user',
  [WX.ACCESS_TOKEN_MISSING]: 'access_token missing',
  [WX.APPID_MISSING]: 'appid missing',
  [WX.APPSECRET_MISSING]: 'appsecret missing',
  [WX.CODE_MISSING]: 'missing code',
  [WX.INVALID_PAGE]: 'invalid page',
  [WX.ACCESS_TOKEN_EXPIRED]: 'access_token expired',
  [WX.REQUIRE_GET]: 'require GET method',
  [WX.REQUIRE_POST]: 'require POST method',
  [WX.USER_REFUSED]: 'user refuse to accept the msg',
  [WX.DAILY_QUOTA]: 'reach max api daily quota limit',
  [WX.MINUTE_QUOTA]: 'api minute-quota reach limit mustslower retry next minute',
  [WX.DATA_FORMAT]: 'data format error',
  [WX.ARGUMENT_INVALID]: 'argument invalid!',
}

export interface WxErrorBody {
  errcode: number
  errmsg: string
}

/** The errmsg WeChat uses for an errcode ("errcode N" for codes the stand-in has no text for). */
export function wxMessage(errcode: number): string {
  return MESSAGES[errcode] ?? `errcode ${errcode}`
}

/** An error body; `errmsg` overrides the standard text (e.g. 47003 naming the field). */
export function wxError(errcode: number, errmsg?: string): WxErrorBody {
  return { errcode, errmsg: errmsg ?? wxMessage(errcode) }
}
