import { createRouter, createWebHashHistory } from 'vue-router'
import DashboardView from '@/views/DashboardView.vue'

// Hash history: the static build works from any folder on any web server, no rewrite rules needed.
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'dashboard', component: DashboardView },
    // 大屏: loaded on demand, it is only opened for presentations.
    { path: '/bigscreen', name: 'bigscreen', component: () => import('@/views/BigScreenView.vue') },
    { path: '/:pathMatch(.*)*', redirect: '/' },
  ],
})
