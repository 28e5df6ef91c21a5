// Taro's H5 Button renders disabled={false} as the attribute disabled="false", which its stylesheet
// matches as [disabled] (faded or invisible text). Pass disabled={disabledIf(x)} to leave it out.
export const disabledIf = (flag: boolean): true | undefined => (flag ? true : undefined)
