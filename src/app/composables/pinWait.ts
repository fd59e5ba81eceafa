import { computed } from 'vue'
import { remainingWaitMs } from '@/domain/pin'
import { useNow } from '@/stores/clock'
import { usePinStore } from '@/stores/pin'

/** How long before a PIN may be typed again, ticking each second; 0 while tries are free. */
export function usePinWait() {
  const pins = usePinStore()
  const now = useNow(1000)
  const ms = computed(() => remainingWaitMs(pins.attempts, now.value))
  return { ms, waiting: computed(() => ms.value > 0) }
}
