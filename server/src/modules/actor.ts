// Who is asking: set by the auth plugin from the verified access token and the users table.
export interface Actor {
  userId: number
  orgId: number
  role: 'main' | 'sub'
}
