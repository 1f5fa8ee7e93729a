/**
 * The import preview's and the dataset manager's messages, added when either dialog loads: they
 * stay out of the first view's code. Importing this module adds them.
 */
import { addLaterMessages } from '@/i18n'
import zh from './import.zh-CN'
import en from './import.en'

addLaterMessages({ 'zh-CN': zh, en })
