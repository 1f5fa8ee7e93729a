export default {
  regions: {
    picker: '地区',
    pickerPlaceholder: '输入地区名称',
    tree: '{label}：省、市、县（区）',
    loading: '地区选择加载中',
    chartKeys: '按 Enter 选择地区',
  },
}
