import { onBeforeUnmount, onMounted, ref } from 'vue'

/**
 * Scale that fits a fixed design size (1920 × 1080) into the window without scrollbars:
 * 1 on a 1920 × 1080 screen, 2 on 3840 × 2160.
 */
export function stageScale(viewW: number, viewH: number, designW = 1920, designH = 1080): number {
  return Math.max(0.1, Math.min(viewW / designW, viewH / designH))
}

export function useStageScale(designW = 1920, designH = 1080) {
  const scale = ref(1)
  const update = () => {
    scale.value = stageScale(window.innerWidth, window.innerHeight, designW, designH)
  }
  onMounted(() => {
    update()
    window.addEventListener('resize', update)
  })
  onBeforeUnmount(() => window.removeEventListener('resize', update))
  return scale
}
