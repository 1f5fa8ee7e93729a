export default {
  regions: {
    summary: '最高：{top}，{topValue}；最低：{bottom}，{bottomValue}；{reference}：{average}。',
    breadcrumb: '地区层级',
    picker: '地区',
    pickerPlaceholder: '输入地区名称',
    tree: '{label}：省、市、县（区）',
    loading: '地区选择加载中',
    chartKeys: '按 Enter 选择地区',
  },
}
