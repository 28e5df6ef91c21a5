// The two form fields whose best control differs by platform: a time of day and a choice from a list.
// The mini program uses Taro's native pickers; the web version uses the browser's own inputs.

export interface TimeFieldProps {
  className?: string
  label: string
  value: string
  onChange: (value: string) => void
}

export interface ChoiceFieldProps {
  className?: string
  label: string
  value: string
  options: { value: string; label: string }[]
  onChange: (value: string) => void
}
