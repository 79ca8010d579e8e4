import type {
  CreateItemRequest,
  Item,
  ListItemsResponse,
  MoveItemRequest,
  ReorderItemsRequest,
  UpdateItemRequest,
} from '@dutylist/shared';
import { apiClient } from '@/lib/api-client';

const itemsPath = (listId: string) => `/lists/${encodeURIComponent(listId)}/items`;
const itemPath = (listId: string, itemId: string) => `${itemsPath(listId)}/${encodeURIComponent(itemId)}`;

export function createItem(listId: string, body: CreateItemRequest): Promise<Item> {
  return apiClient.post<Item>(itemsPath(listId), body);
}

export function updateItem(listId: string, itemId: string, body: UpdateItemRequest): Promise<Item> {
  return apiClient.patch<Item>(itemPath(listId, itemId), body);
}

export function moveItem(listId: string, itemId: string, body: MoveItemRequest): Promise<Item> {
  return apiClient.post<Item>(`${itemPath(listId, itemId)}/move`, body);
}

export function reorderItems(listId: string, body: ReorderItemsRequest): Promise<ListItemsResponse> {
  return apiClient.put<ListItemsResponse>(`${itemsPath(listId)}/order`, body);
}

export function deleteItem(listId: string, itemId: string, version: number): Promise<void> {
  return apiClient.delete<void>(itemPath(listId, itemId), { query: { version } });
}
