/** The small multiples' ECharts modules, on top of the common ones: one title a panel. Imported by that panel only. */
import { use } from 'echarts/core'
import { install as TitleComponent } from 'echarts/lib/component/title/install.js'
import './setup'

use([TitleComponent])
