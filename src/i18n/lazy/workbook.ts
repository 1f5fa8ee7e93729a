/**
 * The workbook messages of the import preview and the template dialog, added when those dialogs
 * load: they stay out of the first view's code. Importing this module adds them.
 */
import { addLaterMessages } from '@/i18n'
import zh from './workbook.zh-CN'
import en from './workbook.en'

addLaterMessages({ 'zh-CN': zh, en })
