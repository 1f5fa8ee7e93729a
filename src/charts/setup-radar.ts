/** The radar's ECharts modules, on top of the common ones; imported by the radar panel only. */
import { use } from 'echarts/core'
import { RadarChart } from 'echarts/charts'
import { RadarComponent } from 'echarts/components'
import './setup'

use([RadarChart, RadarComponent])
