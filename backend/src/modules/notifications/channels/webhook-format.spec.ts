import { createHmac } from 'node:crypto';
import { signedDingtalkUrl, webhookBody } from './webhook-format';

const message = {
  title: '《某镇清单》第1轮报送',
  body: '甲报送了清单。\n理由：无',
  url: 'http://app/lists/1',
  listTitle: '某镇清单',
};

describe('group-robot messages', () => {
  it('WeCom: {"msgtype":"markdown","markdown":{"content"}} with the title bold and a link', () => {
    expect(webhookBody('wecom', message)).toEqual({
      msgtype: 'markdown',
      markdown: { content: '**《某镇清单》第1轮报送**\n> 甲报送了清单。\n> 理由：无\n[查看详情](http://app/lists/1)' },
    });
  });

  it('DingTalk: {"msgtype":"markdown","markdown":{"title","text"}}', () => {
    expect(webhookBody('dingtalk', message)).toEqual({
      msgtype: 'markdown',
      markdown: {
        title: '《某镇清单》第1轮报送',
        text: '#### 《某镇清单》第1轮报送\n> 甲报送了清单。\n> 理由：无\n\n[查看详情](http://app/lists/1)',
      },
    });
  });

  it('DingTalk 加签 adds timestamp and the HMAC-SHA256 sign to the URL', () => {
    const url = new URL(
      signedDingtalkUrl('https://oapi.dingtalk.com/robot/send?access_token=abc', 'SECx', 1700000000000),
    );
    expect(url.searchParams.get('access_token')).toBe('abc');
    expect(url.searchParams.get('timestamp')).toBe('1700000000000');
    expect(url.searchParams.get('sign')).toBe(
      createHmac('sha256', 'SECx').update('1700000000000\nSECx').digest('base64'),
    );
  });
});
