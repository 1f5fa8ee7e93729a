/**
 * Former names (and codes) of divisions that were renamed or merged, with the current division they
 * now resolve to. Used by scripts/gen-regions.ts (aliases of the region catalogue) and by
 * scripts/geo/sources.ts (putting old boundary shapes on current codes).
 *
 * Only one-to-one successions are listed (a rename, or a whole division merged into one other);
 * divisions that were split between several successors (e.g. 吴县市 → 吴中区 + 相城区, 九里区) are
 * left out on purpose, because a figure reported under the old name cannot be put on one map area.
 */
export interface FormerName {
  /** Current GB/T 2260 code the old name now resolves to. */
  adcode: string
  names: readonly string[]
  /** Codes the division (or the divisions merged into it) carried before. */
  codes?: readonly string[]
  note: string
}

export const FORMER_NAMES: ReadonlyArray<FormerName> = [
  // 南京市
  { adcode: '320104', names: ['白下区', '白下'], note: '白下区 merged into 秦淮区, 2013' },
  { adcode: '320106', names: ['下关区', '下关'], note: '下关区 merged into 鼓楼区, 2013' },
  { adcode: '320111', names: ['江浦县'], note: '江浦县 merged into 浦口区, 2002' },
  { adcode: '320115', names: ['江宁县'], note: '江宁县 → 江宁区, 2000' },
  { adcode: '320116', names: ['六合县', '大厂区', '大厂'], note: '六合县 and 大厂区 → 六合区, 2002' },
  { adcode: '320117', names: ['溧水县'], note: '溧水县 → 溧水区, 2013' },
  { adcode: '320118', names: ['高淳县'], note: '高淳县 → 高淳区, 2013' },
  // 无锡市
  { adcode: '320205', names: ['锡山市'], note: '锡山市 → 锡山区, 2000 (the west part became 惠山区)' },
  { adcode: '320211', names: ['马山区', '马山'], note: '马山区 merged into 滨湖区, 2000' },
  {
    adcode: '320213',
    names: ['崇安区', '崇安', '南长区', '南长', '北塘区', '北塘'],
    note: '崇安区, 南长区, 北塘区 → 梁溪区, 2015',
  },
  // 徐州市
  { adcode: '320312', names: ['铜山县'], note: '铜山县 → 铜山区, 2010' },
  // 常州市
  { adcode: '320412', names: ['武进市', '戚墅堰区', '戚墅堰'], note: '武进市 → 武进区, 2002; 戚墅堰区 merged into 武进区, 2015' },
  { adcode: '320413', names: ['金坛市'], note: '金坛市 → 金坛区, 2015' },
  // 苏州市
  {
    adcode: '320508',
    names: ['沧浪区', '沧浪', '平江区', '平江', '金阊区', '金阊'],
    note: '沧浪区, 平江区, 金阊区 → 姑苏区, 2012',
  },
  { adcode: '320509', names: ['吴江市'], note: '吴江市 → 吴江区, 2012' },
  // 南通市
  { adcode: '320612', names: ['通州市'], codes: ['320683'], note: '通州市 → 通州区, 2009' },
  { adcode: '320613', names: ['港闸区', '港闸'], codes: ['320602', '320611'], note: '港闸区 merged into 崇川区, 2020' },
  { adcode: '320614', names: ['海门市'], codes: ['320684'], note: '海门市 → 海门区, 2020' },
  { adcode: '320685', names: ['海安县'], codes: ['320621'], note: '海安县 → 海安市, 2018' },
  // 连云港市
  { adcode: '320706', names: ['新浦区', '新浦'], note: '新浦区 merged into 海州区, 2014' },
  { adcode: '320707', names: ['赣榆县'], note: '赣榆县 → 赣榆区, 2014' },
  // 淮安市
  { adcode: '320800', names: ['淮阴市'], note: '淮阴市 (prefecture) → 淮安市, 2001' },
  {
    adcode: '320812',
    names: ['清河区', '清河', '清浦区', '清浦'],
    note: '清河区 and 清浦区 → 清江浦区, 2016',
  },
  { adcode: '320803', names: ['楚州区', '楚州'], note: '楚州区 → 淮安区, 2012' },
  { adcode: '320804', names: ['淮阴县'], note: '淮阴县 → 淮阴区, 2001' },
  { adcode: '320813', names: ['洪泽县'], note: '洪泽县 → 洪泽区, 2016' },
  // 盐城市
  { adcode: '320903', names: ['盐都县'], note: '盐都县 → 盐都区, 2003' },
  { adcode: '320904', names: ['大丰市'], note: '大丰市 → 大丰区, 2015' },
  // 扬州市
  { adcode: '321003', names: ['邗江县', '维扬区', '维扬'], note: '邗江县 → 邗江区, 2000; 维扬区 merged into 邗江区, 2011' },
  { adcode: '321012', names: ['江都市'], note: '江都市 → 江都区, 2011' },
  // 镇江市
  { adcode: '321112', names: ['丹徒县'], note: '丹徒县 → 丹徒区, 2002' },
  // 泰州市
  { adcode: '321204', names: ['姜堰市'], note: '姜堰市 → 姜堰区, 2012' },
  // 宿迁市
  { adcode: '321311', names: ['宿豫县'], note: '宿豫县 → 宿豫区, 2004' },
  // Outside 江苏省: well-known mergers of county-level divisions
  { adcode: '110101', names: ['崇文区', '崇文'], codes: ['110103'], note: '崇文区 merged into 东城区, 2010' },
  { adcode: '110102', names: ['宣武区', '宣武'], codes: ['110104'], note: '宣武区 merged into 西城区, 2010' },
  { adcode: '120116', names: ['塘沽区', '汉沽区', '大港区'], codes: ['120107', '120108', '120109'], note: '塘沽区, 汉沽区, 大港区 → 滨海新区, 2009' },
  { adcode: '310101', names: ['卢湾区', '卢湾'], codes: ['310103'], note: '卢湾区 merged into 黄浦区, 2011' },
  { adcode: '310106', names: ['闸北区', '闸北'], codes: ['310108'], note: '闸北区 merged into 静安区, 2015' },
  { adcode: '310115', names: ['南汇区', '南汇'], codes: ['310119'], note: '南汇区 merged into 浦东新区, 2009' },
]
