// The problems Amazon would refuse, each with what to change and the offending text highlighted in
// its place in the reply.
import { Text, View } from '@tarojs/components'
import { MAX_ATTACHMENTS, type PolicyProblem } from '@sellerinbox/shared/domain/reply-policy'
import { useI18n } from '../../hooks/use-i18n'
import { tMaybe } from '../../i18n'
import { excerptOf } from './problems'
import './policy-warnings.scss'

interface Props {
  problems: PolicyProblem[]
  body: string
  title: string
  className?: string
}

/** What to change, in the UI language; the checker's English message for a code the app does not know. */
function problemText(problem: PolicyProblem): string {
  return tMaybe(`policy.${problem.code}`, { text: problem.text ?? '', max: MAX_ATTACHMENTS }) ?? problem.message
}

export function PolicyWarnings({ problems, body, title, className }: Props) {
  useI18n()
  if (problems.length === 0) return null
  return (
    <View className={`policy-warnings ${className ?? ''}`} data-count={String(problems.length)}>
      <Text className='policy-warnings__title'>{title}</Text>
      {problems.map((problem, index) => (
        <View key={`${problem.code}-${problem.start ?? problem.text ?? ''}-${index}`} className='policy-problem' data-code={problem.code}>
          <Text className='policy-problem__message'>{problemText(problem)}</Text>
          {problem.start !== undefined && problem.end !== undefined && <ProblemExcerpt body={body} start={problem.start} end={problem.end} />}
        </View>
      ))}
    </View>
  )
}

function ProblemExcerpt({ body, start, end }: { body: string; start: number; end: number }) {
  const { before, match, after } = excerptOf(body, start, end)
  return (
    <Text className='policy-problem__excerpt'>
      {before}
      <Text className='policy-problem__mark'>{match}</Text>
      {after}
    </Text>
  )
}
