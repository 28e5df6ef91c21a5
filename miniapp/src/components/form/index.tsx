// The parts an edit form is made of: a labelled field, the problems found before sending (all at once),
// the server's error when sending failed, and the column of full-width buttons under the form.
// Inputs inside a field take the class `form-field__input` (or `form-field__textarea`).
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { describeError } from '../../services/api-error'
import './index.scss'

/** `inline` puts the label and a small control (a switch) on one line. */
export function FormField({ label, inline, children }: { label?: string; inline?: boolean; children: ReactNode }) {
  return (
    <View className={`form-field ${inline ? 'form-field--inline' : ''}`}>
      {label && <Text className='form-field__label'>{label}</Text>}
      {children}
    </View>
  )
}

export function FormProblems({ problems }: { problems: readonly string[] }) {
  if (problems.length === 0) return null
  return (
    <View className='form-problems error-message'>
      {problems.map((problem) => (
        <Text key={problem} className='form-problems__item'>
          {problem}
        </Text>
      ))}
    </View>
  )
}

/** Nothing while `error` is undefined. */
export function FormError({ error }: { error: unknown }) {
  if (error === undefined) return null
  return <Text className='form-error error-message'>{describeError(error)}</Text>
}

export function FormActions({ children }: { children: ReactNode }) {
  return <View className='form-actions'>{children}</View>
}
