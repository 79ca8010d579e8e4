import { parseExplanation, parseStatedCounts, parseTitle } from './title-block';

describe('parseTitle', () => {
  it.each([
    [
      ['新疆维吾尔自治区昌吉回族自治州', '奇台县碧流河镇', '履职事项清单'],
      ['新疆维吾尔自治区', '昌吉回族自治州', '奇台县', '碧流河镇'],
    ],
    [
      ['新疆维吾尔自治区伊犁哈萨克自治州察布查尔锡伯自治县孙扎齐牛录镇履职事项清单'],
      ['新疆维吾尔自治区', '伊犁哈萨克自治州', '察布查尔锡伯自治县', '孙扎齐牛录镇'],
    ],
    [
      ['新疆 维吾尔 自治区', '乌鲁木齐市天山区 燕儿窝街道', '履职事项清单'],
      ['新疆维吾尔自治区', '乌鲁木齐市', '天山区', '燕儿窝街道'],
    ],
    [
      ['阿克苏地区', '阿克苏市依干其乡履职事项清单'],
      ['新疆维吾尔自治区', '阿克苏地区', '阿克苏市', '依干其乡'],
    ],
    [['和田县拉依喀乡履职事项清单'], [null, null, '和田县', '拉依喀乡']],
    [
      ['塔城地区', '沙湾市 乌兰乌苏镇人民政府'],
      ['新疆维吾尔自治区', '塔城地区', '沙湾市', '乌兰乌苏镇'],
    ],
  ])('reads %j', (lines, expected) => {
    const t = parseTitle(lines, []);
    expect([t.region, t.prefecture, t.county, t.township]).toEqual(expected);
  });

  it('expands a short prefecture name from a table title when the title block is missing', () => {
    const t = parseTitle(
      ['2025年7月'],
      ['昌吉州木垒县白杨河乡基本履职事项清单', '克州阿合奇县阿合奇镇配合履职事项清单'],
    );
    expect([t.region, t.prefecture, t.county, t.township]).toEqual([
      '新疆维吾尔自治区',
      '昌吉回族自治州',
      '木垒县',
      '白杨河乡',
    ]);
  });
});

describe('parseStatedCounts', () => {
  it('reads the sentence of the 说明', () => {
    expect(
      parseStatedCounts([
        '共有履职事项 309 项，其中，基本履职事项 119 项、配合履职事项 127 项、上级部门收回事项 63 项。',
      ]),
    ).toEqual({
      basic: 119,
      cooperative: 127,
      revoked: 63,
      total: 309,
    });
  });

  it('reads counts stated table by table, across broken lines and full-width digits', () => {
    const preamble = [
      '……20 个类别，共有基本履职事项 １１９ 项。',
      '配合履职事项清单……共有配合履职',
      '事项 127 项。',
      '履职事项共计300项',
    ];
    expect(parseStatedCounts(preamble)).toEqual({ basic: 119, cooperative: 127, revoked: null, total: 300 });
  });

  it('ignores the 目录 and returns null when nothing is stated', () => {
    expect(parseStatedCounts(['目 录', '1. 基本履职事项清单.....\t1', '2. 配合履职事项清单.....\t14'])).toBeNull();
  });
});

describe('parseExplanation', () => {
  it('splits the 说明 into its sections and picks the basic facts', () => {
    const e = parseExplanation([
      '说 明',
      '一、基本情况',
      '某镇区域面积 120.5 平方公里，户籍人口 1.2 万人、常住人口 1.5 万人，下辖 8 个行政村、2 个社区。',
      '二、编制过程',
      '按照三上三下完成。',
      '三、清单内容',
      '共有基本履职事项 100 项。',
      '目 录',
      '1. 基本履职事项清单.....\t1',
    ]);
    expect(e).toEqual({
      area: '120.5 平方公里',
      population: '户籍人口 1.2 万人、常住人口 1.5 万人',
      villages: '8 个行政村、2 个社区',
      basicInfo: '某镇区域面积 120.5 平方公里，户籍人口 1.2 万人、常住人口 1.5 万人，下辖 8 个行政村、2 个社区。',
      process: '按照三上三下完成。',
      content: '共有基本履职事项 100 项。',
    });
    expect(parseExplanation(['目 录'])).toBeNull();
  });
});
