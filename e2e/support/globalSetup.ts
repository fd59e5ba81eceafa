import { blankFakeCamera } from './fakeCamera'

export default function globalSetup() {
  blankFakeCamera()
}
