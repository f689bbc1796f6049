import { Descriptions, List, Space, Tag, Typography } from 'antd';
import type { CatalogItemQuery } from '../gql/graphql';
import { POLICE_TYPE_LABELS, label } from '../labels';

type Item = CatalogItemQuery['catalogItem'];

export function MaterialTags({ m }: { m: Item['materials'][number] }) {
  return (
    <Space size={4}>
      {m.verifiedOnline ? (
        <Tag color="green">免提交{m.verifiedBy ? `（${m.verifiedBy}网上核验）` : ''}</Tag>
      ) : m.required ? (
        <Tag color="red">必需</Tag>
      ) : (
        <Tag>视情形提交</Tag>
      )}
      {m.toleratedIfMissing && <Tag color="orange">容缺</Tag>}
    </Space>
  );
}

/** 六告知: service item, materials, fee, process, time limit, supervision (the catalog's content). */
export function SixNotices({ item }: { item: Item }) {
  return (
    <Descriptions bordered column={1} size="small" labelStyle={{ width: 140, fontWeight: 500 }} data-testid="six-notices">
      <Descriptions.Item label="一、服务事项">
        <Typography.Text strong>{item.name}</Typography.Text>（{label(POLICE_TYPE_LABELS, item.policeType)} · {item.category}）
        <div>{item.description}</div>
        {item.aliases.length > 0 && <div style={{ color: '#888' }}>俗称：{item.aliases.join('、')}</div>}
        <div style={{ color: '#888' }}>办理渠道：{item.channelNames.join('、')}</div>
      </Descriptions.Item>
      <Descriptions.Item label="二、申请材料">
        <List
          size="small"
          dataSource={item.materials}
          renderItem={(m) => (
            <List.Item key={m.code} data-testid={`material-${m.code}`}>
              <Space direction="vertical" size={0}>
                <Space><span>{m.name}</span><MaterialTags m={m} /></Space>
                {(m.note || m.description) && <Typography.Text type="secondary">{m.note ?? m.description}</Typography.Text>}
              </Space>
            </List.Item>
          )}
        />
      </Descriptions.Item>
      <Descriptions.Item label="三、收费标准">
        <Typography.Text strong>{item.fee.formatted}</Typography.Text> {item.fee.description}
        {item.fee.basis && <div style={{ color: '#888' }}>收费依据：{item.fee.basis}</div>}
        {item.fee.waivers.map((w) => <div key={w.code}>减免：{w.description}（{w.condition}）</div>)}
      </Descriptions.Item>
      <Descriptions.Item label="四、办理流程">
        <ol className="ow-notice-lines">{item.processSteps.map((s) => <li key={s}>{s}</li>)}</ol>
      </Descriptions.Item>
      <Descriptions.Item label="五、办理时限">
        <div>承诺时限：<Typography.Text strong>{item.promisedTimeLimit.text}</Typography.Text>{item.promisedTimeLimit.note ? `（${item.promisedTimeLimit.note}）` : ''}</div>
        <div>法定时限：{item.statutoryTimeLimit.text}{item.statutoryTimeLimit.note ? `（${item.statutoryTimeLimit.note}）` : ''}</div>
        {item.pickupNotice && <div>领取：{item.pickupNotice}</div>}
      </Descriptions.Item>
      <Descriptions.Item label="六、监督渠道">
        监督电话 <Typography.Text strong>{item.supervisionPhone}</Typography.Text>
        <div style={{ color: '#888' }}>办理依据：{item.legalBasis.join('；')}</div>
      </Descriptions.Item>
    </Descriptions>
  );
}
