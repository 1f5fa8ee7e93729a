export default {
  viewsUi: {
    periodMode: '视图的期间',
    fixed: '固定期间（{period}）',
    latest: '最新期间',
    fixedTag: '固定期间',
    latestTag: '最新期间',
    rename: '重命名视图“{name}”',
    renameShort: '重命名',
    newName: '“{name}”的新名称',
    renameTaken: '名称为空或已被其他视图使用',
    deleted: '已删除视图“{name}”',
    undo: '撤销',
  },
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
